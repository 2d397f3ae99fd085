using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Deque.AxeCore.Playwright;
using Koperasi.ServiceDefaults.Identity;
using Koperasi.ServiceDefaults.Regions;
using Koperasi.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Koperasi.Console.Tests;

/// <summary>
/// The Dumisake pages of the console in Debian's Chromium against the running platform
/// (<see cref="ConsolePlatform"/>: the Registry, Funding with its fake bank, the gateway). Every
/// application is one of the test's own (a synthetic NIK of its own, in Sarolangun, 1503), submitted
/// to this year's programme the platform opened. Screenshots in .local/test-results/console-screenshots.
/// </summary>
[Collection(ConsolePlatformCollection.Name)]
public class ConsoleDumisakeBrowserTests(ConsolePlatform platform)
{
    private const string Sarolangun = "1503";

    [Fact]
    public async Task A_pendamping_submits_a_verifikator_checks_the_pendamping_verifies_and_the_verifikator_decrees()
    {
        var applicant = NewApplicant();
        var kecamatan = Places.KecamatanOf(Sarolangun)[0].Name;

        // The pendamping of Sarolangun submits from the console.
        var pendamping = await platform.SignInAsync(KoperasiRoles.Pendamping, Sarolangun, "budi.pendamping");
        Guid id;
        try
        {
            await pendamping.ClickAsync("nav.navigasi a[href='/dumisake']");
            await pendamping.ClickAsync("a[href='/dumisake/permohonan']");
            await pendamping.ClickAsync("#ajukan");
            await pendamping.SelectOptionAsync("#a-program", platform.ProgrammeId.ToString());
            await pendamping.SelectOptionAsync("#a-kategori", "mak-mak");
            await pendamping.FillAsync("#a-nik", applicant.Nik);
            await pendamping.FillAsync("#a-nama", applicant.Name);
            await pendamping.SelectOptionAsync("#a-jk", "female");
            await pendamping.FillAsync("#a-lahir", "1990-07-15");
            await pendamping.SelectOptionAsync("#a-kabupaten", Sarolangun);
            await pendamping.FillAsync("#a-kecamatan", kecamatan);
            await pendamping.FillAsync("#a-telepon", applicant.Phone);
            await pendamping.SelectOptionAsync("#a-pekerjaan", "trader");
            await pendamping.FillAsync("#a-usaha", "Keripik pisang");
            await SubmitAndWaitAsync(pendamping, "#form-ajukan", "pesan=diajukan");
            id = Guid.Parse(new Uri(pendamping.Url).AbsolutePath["/dumisake/permohonan/".Length..]);
            (await pendamping.Locator("#tahap").InnerTextAsync()).ShouldBe("Diajukan");
            // The page shows the NIK masked, never in clear; nor the phone.
            var nik = await pendamping.Locator("#nik").InnerTextAsync();
            nik.ShouldBe($"{applicant.Nik[..6]}******{applicant.Nik[^4..]}");
            var main = await pendamping.Locator("main").InnerTextAsync();
            main.ShouldNotContain(applicant.Nik);
            main.ShouldNotContain(applicant.Phone);
            // Checking documents is the verifikator's step: the pendamping gets no such form.
            (await pendamping.Locator("#form-dokumen").CountAsync()).ShouldBe(0);
            await ConsolePlatform.ScreenshotAsync(pendamping, "dumisake-diajukan");
        }
        finally
        {
            await pendamping.Context.CloseAsync();
        }

        // The verifikator finds it in its queue (the submitted stage by default) and checks the documents.
        var verifikator = await platform.SignInAsync(KoperasiRoles.Verifikator, null, "rina.verifikator");
        try
        {
            await verifikator.GotoAsync($"/dumisake/permohonan?program={platform.ProgrammeId}");
            (await verifikator.Locator($"#tabel-permohonan a[href='/dumisake/permohonan/{id}']").CountAsync()).ShouldBe(1);
            await verifikator.ClickAsync($"#tabel-permohonan a[href='/dumisake/permohonan/{id}']");
            (await verifikator.Locator("#form-lapangan").CountAsync()).ShouldBe(0);
            await verifikator.SelectOptionAsync("#d-lengkap", "ya");
            await SubmitAndWaitAsync(verifikator, "#form-dokumen", "pesan=dokumen");
            (await verifikator.Locator("#tahap").InnerTextAsync()).ShouldBe("Dokumen diperiksa");
            await ConsolePlatform.ScreenshotAsync(verifikator, "dumisake-dokumen-diperiksa");
        }
        finally
        {
            await verifikator.Context.CloseAsync();
        }

        // The pendamping verifies the business in the field.
        pendamping = await platform.SignInAsync(KoperasiRoles.Pendamping, Sarolangun, "budi.pendamping");
        try
        {
            await pendamping.GotoAsync($"/dumisake/permohonan/{id}");
            await pendamping.FillAsync("#l-temuan", "Usaha berjalan di rumah");
            await SubmitAndWaitAsync(pendamping, "#form-lapangan", "pesan=lapangan");
            (await pendamping.Locator("#tahap").InnerTextAsync()).ShouldBe("Diverifikasi lapangan");
            (await pendamping.Locator("#rincian-permohonan").InnerTextAsync()).ShouldContain("oleh budi.pendamping");
            await ConsolePlatform.ScreenshotAsync(pendamping, "dumisake-diverifikasi");
        }
        finally
        {
            await pendamping.Context.CloseAsync();
        }

        // The verifikator finds it eligible, then decrees it in a batch, seeing the budget left first.
        verifikator = await platform.SignInAsync(KoperasiRoles.Verifikator, null, "rina.verifikator");
        try
        {
            await verifikator.GotoAsync($"/dumisake/permohonan/{id}");
            await verifikator.SelectOptionAsync("#k-layak", "ya");
            await SubmitAndWaitAsync(verifikator, "#form-kelayakan", "pesan=kelayakan");
            (await verifikator.Locator("#tahap").InnerTextAsync()).ShouldBe("Layak");

            await verifikator.ClickAsync("#ke-sk");
            var before = await ProgrammeAsync();
            (await verifikator.Locator("#sisa-anggaran").InnerTextAsync()).ShouldBe(Formatting.Tampil.Money(before["decreed"]!["remainingBudget"]!.GetValue<decimal>()));
            var quota = await verifikator.Locator("#tabel-kuota tbody tr", new PageLocatorOptions { HasText = "Sarolangun" }).InnerTextAsync();
            quota.ShouldContain("200");
            await ConsolePlatform.ScreenshotAsync(verifikator, "dumisake-sk-sebelum");

            var decree = $"188.4/{Random.Shared.Next(1, 99999)}/KPTS/DISKOP/{ConsolePlatform.TodayInJambi.Year}";
            await verifikator.CheckAsync($"#pilih-{id}");
            await verifikator.FillAsync("#sk-nomor", decree);
            await SubmitAndWaitAsync(verifikator, "#form-sk", "pesan=sk");
            (await verifikator.Locator("#tabel-sk").InnerTextAsync()).ShouldContain(decree);
            // The batches come a page at a time from their own list, newest first: its total is the API's.
            var listed = (await platform.FundingClient.GetFromJsonAsync<JsonObject>($"/api/funding/programmes/{platform.ProgrammeId}/decree-batches?pageSize=1"))!;
            (await verifikator.Locator("nav[aria-label='Halaman SK']").InnerTextAsync())
                .ShouldContain($"{Formatting.Tampil.Number(listed["totalCount"]!.GetValue<long>())} SK, terbaru di atas");
            (await verifikator.Locator($"#pilih-{id}").CountAsync()).ShouldBe(0);
            (await verifikator.Locator("#sisa-anggaran").InnerTextAsync())
                .ShouldBe(Formatting.Tampil.Money(before["decreed"]!["remainingBudget"]!.GetValue<decimal>() - 5_000_000m));
            await ConsolePlatform.ScreenshotAsync(verifikator, "dumisake-sk-ditetapkan");

            await verifikator.GotoAsync($"/dumisake/permohonan/{id}");
            (await verifikator.Locator("#tahap").InnerTextAsync()).ShouldBe("Ditetapkan SK");
            (await verifikator.Locator("#sk").InnerTextAsync()).ShouldContain(decree);
            (await verifikator.Locator("#sk").InnerTextAsync()).ShouldContain("Rp 5 juta");
            var history = await verifikator.Locator("#riwayat").InnerTextAsync();
            history.ShouldContain("Permohonan diajukan");
            history.ShouldContain("oleh rina.verifikator");
            await ConsolePlatform.ScreenshotAsync(verifikator, "dumisake-ditetapkan");
        }
        finally
        {
            await verifikator.Context.CloseAsync();
        }

        // Funding recorded each step as the role that took it (the console used each user's own token).
        var recorded = await platform.FundingClient.GetFromJsonAsync<JsonObject>($"/api/funding/applications/{id}");
        recorded!["status"]!.GetValue<string>().ShouldBe("decreed");
        recorded["fieldVerification"]!["verifiedBy"]!.GetValue<string>().ShouldBe("budi.pendamping");
    }

    [Fact]
    public async Task An_auditor_sees_the_application_masked_and_no_reveal_while_a_verifikator_reveals_it_for_a_purpose()
    {
        var applicant = NewApplicant();
        var id = await SubmitThroughTheApiAsync(applicant);

        var auditor = await platform.SignInAsync(KoperasiRoles.Auditor, null, "auditor.dumisake");
        try
        {
            await auditor.GotoAsync($"/dumisake/permohonan/{id}");
            (await auditor.Locator("#tahap").InnerTextAsync()).ShouldBe("Diajukan");
            (await auditor.Locator("#nik").InnerTextAsync()).ShouldBe("disamarkan");
            var main = await auditor.Locator("main").InnerTextAsync();
            main.ShouldNotContain(applicant.Nik);
            main.ShouldNotContain(applicant.Nik[^4..]);
            main.ShouldNotContain(applicant.Name);
            main.ShouldNotContain(applicant.Phone);
            (await auditor.Locator("#form-buka").CountAsync()).ShouldBe(0);
            (await auditor.Locator("main form[method=post]").CountAsync()).ShouldBe(0);
            await ConsolePlatform.ScreenshotAsync(auditor, "dumisake-auditor");

            // The list shows the auditor the pseudonym only, too.
            await auditor.GotoAsync($"/dumisake/permohonan?program={platform.ProgrammeId}&tahap=submitted");
            var row = await auditor.Locator($"#tabel-permohonan tr:has(a[href='/dumisake/permohonan/{id}'])").InnerTextAsync();
            row.ShouldContain("disamarkan");
            row.ShouldNotContain(applicant.Name);
        }
        finally
        {
            await auditor.Context.CloseAsync();
        }

        var verifikator = await platform.SignInAsync(KoperasiRoles.Verifikator, null, "rina.verifikator");
        try
        {
            var shown = await verifikator.GotoAsync($"/dumisake/permohonan/{id}");
            // A page with an applicant on it is not kept by the browser or a proxy.
            (await shown!.HeaderValueAsync("cache-control")).ShouldNotBeNull().ShouldContain("no-store");
            (await verifikator.Locator("#nik").InnerTextAsync()).ShouldBe($"{applicant.Nik[..6]}******{applicant.Nik[^4..]}");
            (await verifikator.Locator("main").InnerTextAsync()).ShouldNotContain(applicant.Phone);

            await verifikator.FillAsync("#buka-tujuan", "Konfirmasi nomor telepon");
            var answered = await verifikator.RunAndWaitForResponseAsync(
                () => verifikator.ClickAsync("#form-buka button[type=submit]"),
                response => response.Request.Method == "POST" && response.Url.Contains($"/dumisake/permohonan/{id}", StringComparison.Ordinal));
            (await answered.HeaderValueAsync("cache-control")).ShouldNotBeNull().ShouldContain("no-store");
            var revealed = await verifikator.Locator("#data-pribadi").InnerTextAsync();
            revealed.ShouldContain(applicant.Nik);
            revealed.ShouldContain(applicant.Phone);
            await ConsolePlatform.ScreenshotAsync(verifikator, "dumisake-data-dibuka");
        }
        finally
        {
            await verifikator.Context.CloseAsync();
        }

        // The vault recorded the read, with the purpose given in the console.
        var recorded = await platform.FundingClient.GetFromJsonAsync<JsonObject>($"/api/funding/applications/{id}");
        var log = await platform.FundingClient.GetFromJsonAsync<JsonObject>($"/api/funding/applicants/{recorded!["applicant"]!["id"]!.GetValue<string>()}/access-log");
        log!.ToJsonString().ShouldContain("Konfirmasi nomor telepon");
    }

    [Fact]
    public async Task A_verifikator_retries_a_failed_disbursement_from_the_console()
    {
        var id = await DecreedThroughTheApiAsync(NewApplicant());
        platform.Bank.Behaviour.FailNext(1000, 503);
        try
        {
            var application = await platform.FundingClient.GetFromJsonAsync<JsonObject>($"/api/funding/applications/{id}");
            using var order = new HttpRequestMessage(HttpMethod.Post, $"/api/funding/applications/{id}/disbursement")
            {
                Content = JsonContent.Create(new { bankCode = "002", accountNumber = "7001234567", accountHolder = "Siti Contoh" }),
            };
            order.Headers.TryAddWithoutValidation("If-Match", $"\"{application!["version"]}\"");
            using var ordered = await platform.FundingClient.SendAsync(order);
            ordered.IsSuccessStatusCode.ShouldBeTrue(await ordered.Content.ReadAsStringAsync());
            await StatusAsync(id, "disbursement-failed");
        }
        finally
        {
            platform.Bank.Behaviour.Reset();
        }

        var verifikator = await platform.SignInAsync(KoperasiRoles.Verifikator, null, "rina.verifikator");
        try
        {
            await verifikator.ClickAsync("nav.navigasi a[href='/dumisake']");
            await verifikator.ClickAsync("a[href='/dumisake/pencairan-gagal']");
            var row = verifikator.Locator($"#tabel-gagal tr:has(a[href='/dumisake/permohonan/{id}'])");
            (await row.InnerTextAsync()).ShouldContain("Rp 5 juta");
            // The account is never shown here.
            (await verifikator.Locator("main").InnerTextAsync()).ShouldNotContain("7001234567");
            await ConsolePlatform.ScreenshotAsync(verifikator, "dumisake-pencairan-gagal");

            await row.Locator("button[type=submit]").ClickAsync();
            await verifikator.WaitForURLAsync(url => url.Contains("pesan=ulang", StringComparison.Ordinal), new PageWaitForURLOptions { Timeout = 120_000 });
            await StatusAsync(id, "disbursed");
            await verifikator.GotoAsync($"/dumisake/permohonan/{id}");
            (await verifikator.Locator("#tahap").InnerTextAsync()).ShouldBe("Dicairkan");
            (await verifikator.Locator("#pencairan").InnerTextAsync()).ShouldContain("percobaan 2");
            await ConsolePlatform.ScreenshotAsync(verifikator, "dumisake-dicairkan");
        }
        finally
        {
            await verifikator.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task The_dashboard_shows_Dumisake_progress_and_the_Dumisake_pages_have_no_serious_accessibility_violation()
    {
        var id = await SubmitThroughTheApiAsync(NewApplicant());
        // A decreed grant, so the reports have a recipient to draw whatever order the tests run in.
        await DecreedThroughTheApiAsync(NewApplicant());
        var page = await platform.SignInAsync(KoperasiRoles.AdminProvinsi, null, "admin.dumisake");
        try
        {
            // The dashboard's Dumisake block: this year's programme against its target, the RPJMD against its own.
            await page.GotoAsync("/");
            var year = ConsolePlatform.TodayInJambi.Year.ToString(CultureInfo.InvariantCulture);
            (await page.Locator("#dumisake-tahun-ini").InnerTextAsync()).ShouldContain($"Program {year}");
            (await page.Locator("#dumisake-tahun-ini").InnerTextAsync()).ShouldContain("dari target 2.000 penerima");
            (await page.Locator("#dumisake-tahun-ini").InnerTextAsync()).ShouldContain("anggaran Rp 10 miliar");
            (await page.Locator("#dumisake-rpjmd").InnerTextAsync()).ShouldContain("RPJMD");
            await ConsolePlatform.ScreenshotAsync(page, "beranda-dumisake");

            foreach (var path in new[]
            {
                "/dumisake", "/dumisake/permohonan", "/dumisake/permohonan?tahap=semua", "/dumisake/permohonan/baru", $"/dumisake/permohonan/{id}",
                "/dumisake/sk", "/dumisake/pencairan-gagal", "/dumisake/monitoring", "/dumisake/laporan",
            })
            {
                await page.GotoAsync(path);
                (await page.Locator("div.masalah").CountAsync()).ShouldBe(0, $"{path} shows a problem: {await page.Locator("main").InnerTextAsync()}");
                var result = await page.RunAxe();
                var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{path}: {v.Id} ({v.Impact}) {v.Help}").ToList();
                serious.ShouldBeEmpty();
            }

            // A malformed query is ignored, never an error page.
            foreach (var path in new[] { "/dumisake/permohonan?program=bukan-id&halaman=abc", "/dumisake/sk?program=123", "/dumisake/laporan?tahun=abc", "/dumisake/monitoring?tahun=99999999999" })
            {
                var response = await page.GotoAsync(path);
                response!.Status.ShouldBe(200, path);
                (await page.Locator("h1").CountAsync()).ShouldBe(1, path);
            }

            // The reports draw SVG charts (the report projection catches up with the decree in the background).
            await Eventually.ValueAsync(
                async () =>
                {
                    await page.GotoAsync("/dumisake/laporan");
                    return await page.Locator("#tabel-tahun").CountAsync() > 0 ? (object)true : null;
                },
                "the report to count the decreed grant",
                TimeSpan.FromSeconds(60));
            (await page.Locator("figure.grafik svg polyline").CountAsync()).ShouldBe(1);
            (await page.Locator("figure.grafik svg rect").CountAsync()).ShouldBeGreaterThan(0);
            (await page.Locator("#tabel-tahun").InnerTextAsync()).ShouldContain(year);
            await ConsolePlatform.ScreenshotAsync(page, "dumisake-laporan");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Without_Funding_behind_the_gateway_the_dashboard_leaves_the_Dumisake_block_out()
    {
        // A second front door before the same Registry, without Funding (Services:Funding empty).
        await using var gateway = new ConsolePlatform.FrontDoor(new Dictionary<string, string?>
        {
            ["Services:Registry"] = platform.RegistryClient.BaseAddress!.ToString(),
            ["Services:Transformation"] = "",
            ["Services:Funding"] = "",
        });
        gateway.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        gateway.StartServer();
        var address = gateway.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First();

        var page = await platform.SignInAsync(KoperasiRoles.AdminProvinsi, address: address);
        try
        {
            (await page.Locator("h1").InnerTextAsync()).ShouldBe("Beranda");
            (await page.Locator("#tabel-kabupaten").CountAsync()).ShouldBe(1);
            (await page.Locator("#dumisake-rpjmd").CountAsync()).ShouldBe(0);
            (await page.Locator("div.masalah").CountAsync()).ShouldBe(0);
            await ConsolePlatform.ScreenshotAsync(page, "beranda-tanpa-dumisake");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private sealed record Applicant(string Nik, string Name, string Phone);

    /// <summary>A synthetic applicant of Sarolangun: a woman born 15 July 1990 (day 15 + 40), a NIK and phone of the test's own.</summary>
    private static Applicant NewApplicant()
    {
        var yy = Random.Shared.Next(0, 100).ToString("00", CultureInfo.InvariantCulture);
        var serial = Random.Shared.Next(1, 10000).ToString("0000", CultureInfo.InvariantCulture);
        var nik = Regencies.NikPrefixOf(Sarolangun) + "01" + "5507" + yy + serial;
        return new Applicant(nik, $"Siti Uji {Guid.NewGuid().ToString("N")[..6]}", "0812" + Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture));
    }

    private static async Task SubmitAndWaitAsync(IPage page, string form, string expected)
    {
        await page.ClickAsync($"{form} button[type=submit]", new PageClickOptions { Timeout = 120_000 });
        try
        {
            await page.WaitForURLAsync(url => url.Contains(expected, StringComparison.Ordinal), new PageWaitForURLOptions { Timeout = 120_000 });
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{form} did not succeed; the page shows: " + await page.Locator("main").InnerTextAsync());
        }
    }

    private async Task<JsonObject> ProgrammeAsync() =>
        (await platform.FundingClient.GetFromJsonAsync<JsonObject>($"/api/funding/programmes/{platform.ProgrammeId}"))!;

    /// <summary>Submits an application as the admin of the province, straight to Funding.</summary>
    private async Task<Guid> SubmitThroughTheApiAsync(Applicant applicant)
    {
        var body = new JsonObject
        {
            ["programmeId"] = platform.ProgrammeId,
            ["nik"] = applicant.Nik,
            ["name"] = applicant.Name,
            ["sex"] = "female",
            ["birthDate"] = "1990-07-15",
            ["address"] = new JsonObject { ["regencyCode"] = Sarolangun, ["kecamatan"] = Places.KecamatanOf(Sarolangun)[0].Name },
            ["phone"] = applicant.Phone,
            ["occupation"] = "trader",
            ["declaredKurDebtor"] = false,
            ["category"] = "mak-mak",
            ["businessDescription"] = "Keripik pisang",
        };
        using var response = await platform.FundingClient.PostAsJsonAsync("/api/funding/applications", body);
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var created = await response.Content.ReadFromJsonAsync<JsonObject>();
        return Guid.Parse(created!["id"]!.GetValue<string>());
    }

    /// <summary>An application taken to its decree through the API, as the admin of the province.</summary>
    private async Task<Guid> DecreedThroughTheApiAsync(Applicant applicant)
    {
        var id = await SubmitThroughTheApiAsync(applicant);
        var today = ConsolePlatform.TodayInJambi.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await StepAsync(id, "documents-check", new JsonObject { ["complete"] = true });
        await StepAsync(id, "field-verification", new JsonObject { ["visitedOn"] = today, ["findings"] = "Usaha berjalan", ["businessFound"] = true, ["kurDebtorFound"] = false });
        await StepAsync(id, "eligibility", new JsonObject { ["eligible"] = true });
        var programme = await ProgrammeAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/funding/programmes/{platform.ProgrammeId}/decree-batches")
        {
            Content = JsonContent.Create(new JsonObject
            {
                ["decreeNumber"] = $"188.4/{Guid.NewGuid().ToString("N")[..8]}/KPTS/DISKOP/{ConsolePlatform.TodayInJambi.Year}",
                ["decreeDate"] = today,
                ["applicationIds"] = new JsonArray(id.ToString()),
            }),
        };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{programme["version"]}\"");
        using var response = await platform.FundingClient.SendAsync(request);
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
        return id;
    }

    private async Task StepAsync(Guid id, string step, JsonObject body)
    {
        var application = await platform.FundingClient.GetFromJsonAsync<JsonObject>($"/api/funding/applications/{id}");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/funding/applications/{id}/{step}") { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{application!["version"]}\"");
        using var response = await platform.FundingClient.SendAsync(request);
        response.IsSuccessStatusCode.ShouldBeTrue($"{step}: {await response.Content.ReadAsStringAsync()}");
    }

    private async Task StatusAsync(Guid id, string status) =>
        await Eventually.ValueAsync(
            async () =>
            {
                var application = await platform.FundingClient.GetFromJsonAsync<JsonObject>($"/api/funding/applications/{id}");
                return application!["status"]!.GetValue<string>() == status ? application : null;
            },
            $"the application to be {status}",
            TimeSpan.FromSeconds(60));
}
