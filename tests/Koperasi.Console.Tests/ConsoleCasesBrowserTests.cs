using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Deque.AxeCore.Playwright;
using Koperasi.ServiceDefaults.Identity;
using Koperasi.Testing;
using Microsoft.Playwright;

namespace Koperasi.Console.Tests;

/// <summary>
/// The Kasus pages of the console in Debian's Chromium, against the platform with Transformation
/// (<see cref="ConsolePlatform"/>): a merger walked to completion by the roles that take each step,
/// the dissolution and batch pages, the dashboard's open-cases block, and axe on every Kasus page.
/// The koperasi acted on are registered by each test (legal entities after the published 29 August 2025 table).
/// </summary>
[Collection(ConsolePlatformCollection.Name)]
public partial class ConsoleCasesBrowserTests(ConsolePlatform platform)
{
    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_merger_is_walked_to_completion_from_the_console_and_the_register_shows_the_merged_koperasi()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var survivor = await RegisterAsync("1571", $"Koperasi Uji Kasus {tag} Penerima", members: 40);
        var absorbed = await RegisterAsync("1571", $"Koperasi Uji Kasus {tag} Bergabung", members: 25);
        await KnownToTransformationAsync(survivor.Id, absorbed.Id);

        // A pembina of Kota Jambi proposes the merger and records both members' meetings.
        var pembina = await platform.SignInAsync(KoperasiRoles.Pembina, "1571", "pembina.kota.jambi");
        Guid caseId;
        try
        {
            await pembina.ClickAsync("nav.navigasi a[href='/kasus']");
            (await pembina.Locator("h1").InnerTextAsync()).ShouldBe("Kasus");
            await pembina.ClickAsync("#usul-penggabungan");
            await pembina.FillAsync("#cari", tag);
            await pembina.ClickAsync("form[action='/kasus/usul'] button[type=submit]");
            await pembina.CheckAsync($"#penerima-{survivor.Id}");
            await pembina.CheckAsync($"#bergabung-{absorbed.Id}");
            await ConsolePlatform.ScreenshotAsync(pembina, "kasus-usul-penggabungan");
            await SubmitAsync(pembina, "#form-penggabungan", "the merger proposal");
            caseId = Guid.Parse(new Uri(pembina.Url).AbsolutePath["/kasus/".Length..]);
            (await pembina.Locator("#status-kasus").InnerTextAsync()).ShouldBe("Diusulkan");
            (await pembina.Locator("#menunggu").InnerTextAsync()).ShouldContain(absorbed.Name);

            // A meeting below the register's member count is refused in Indonesian by its rule; nothing is recorded.
            await FillMeetingAsync(pembina, survivor.Id, total: 30, present: 28, votesFor: 26, votesAgainst: 2);
            await pembina.ClickAsync("#form-rapat button[type=submit]");
            (await pembina.Locator("div.masalah").InnerTextAsync()).ShouldContain("Jumlah anggota lebih kecil daripada jumlah anggota di register.");
            (await pembina.Locator("#tabel-peserta").InnerTextAsync()).ShouldNotContain("hadir");

            await FillMeetingAsync(pembina, survivor.Id, total: 40, present: 32, votesFor: 30, votesAgainst: 2);
            await SubmitAsync(pembina, "#form-rapat", "the survivor's meeting");
            await FillMeetingAsync(pembina, absorbed.Id, total: 25, present: 20, votesFor: 18, votesAgainst: 2);
            await SubmitAsync(pembina, "#form-rapat", "the absorbed koperasi's meeting");
            (await pembina.Locator("#status-kasus").InnerTextAsync()).ShouldBe("Menunggu akta notaris");
            await ConsolePlatform.ScreenshotAsync(pembina, "kasus-rapat-dicatat");
        }
        finally
        {
            await pembina.Context.CloseAsync();
        }

        // The admin of the province records the notarial deed and the ministry's ratification.
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var admin = await platform.SignInAsync(KoperasiRoles.AdminProvinsi, null, "admin.kasus");
        try
        {
            await admin.GotoAsync($"/kasus?kabupaten=1571&jenis=merger&status=awaiting-deed");
            await admin.ClickAsync($"#tabel-kasus a[href='/kasus/{caseId}']");
            await admin.FillAsync("#akta-nomor", "14");
            await admin.FillAsync("#akta-tanggal", today);
            await admin.FillAsync("#akta-notaris", "Notaris Contoh Satu, S.H., M.Kn.");
            await SubmitAsync(admin, "#form-akta", "the deed");
            (await admin.Locator("#status-kasus").InnerTextAsync()).ShouldBe("Menunggu pengesahan kementerian");
            await admin.FillAsync("#pengesahan-nomor", $"AHU-{tag}.AH.01.29.TAHUN {today[..4]}");
            await admin.FillAsync("#pengesahan-tanggal", today);
            await SubmitAsync(admin, "#form-pengesahan", "the ratification");

            // The Registry applies it over the bus; the case page shows it completed with the merged koperasi.
            await Eventually.UntilAsync(
                async () =>
                {
                    await admin.ReloadAsync();
                    return await admin.Locator("#status-kasus").InnerTextAsync() == "Selesai";
                },
                "the Registry to apply the merger",
                Slow);
            var timeline = await admin.Locator("#riwayat-kasus").InnerTextAsync();
            timeline.ShouldContain("Penggabungan diusulkan");
            timeline.ShouldContain("oleh pembina.kota.jambi (Pembina)");
            timeline.ShouldContain("Pengesahan kementerian dicatat");
            timeline.ShouldContain("oleh admin.kasus (Admin provinsi)");
            timeline.ShouldContain("Selesai: register telah menerapkannya");
            (await admin.Locator("form[method=post]").CountAsync()).ShouldBe(1); // only the sign-out form: a completed case has no step
            await ConsolePlatform.ScreenshotAsync(admin, "kasus-penggabungan-selesai");

            await admin.ClickAsync("#koperasi-hasil");
            (await admin.Locator("h1").InnerTextAsync()).ShouldBe(survivor.Name);
            await ConsolePlatform.ScreenshotAsync(admin, "kasus-koperasi-hasil-penggabungan");
            await admin.GotoAsync($"/register/{absorbed.Id}");
            (await admin.Locator("main").InnerTextAsync()).ShouldContain("Bubar");
        }
        finally
        {
            await admin.Context.CloseAsync();
        }

        // The Registry recorded it: the absorbed koperasi dissolved by the merger into the survivor.
        var ended = await platform.RegistryClient.GetFromJsonAsync<JsonObject>($"/api/registry/cooperatives/{absorbed.Id}");
        ended!["legalStatus"]!.GetValue<string>().ShouldBe("dissolved");
        var merged = await platform.RegistryClient.GetFromJsonAsync<JsonObject>($"/api/registry/cooperatives/{survivor.Id}");
        merged!["memberCount"]!.GetValue<int>().ShouldBeGreaterThan(40);
    }

    [Fact]
    public async Task An_auditor_reads_a_case_without_any_step_and_a_pembina_of_another_regency_gets_no_step()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var survivor = await RegisterAsync("1571", $"Koperasi Uji Kasus {tag} Baca A", members: 30);
        var absorbed = await RegisterAsync("1571", $"Koperasi Uji Kasus {tag} Baca B", members: 30);
        await KnownToTransformationAsync(survivor.Id, absorbed.Id);
        var caseId = await ProposeMergerAsync(survivor.Id, absorbed.Id);

        foreach (var (role, regency, shot) in new[] { (KoperasiRoles.Auditor, (string?)null, "kasus-auditor"), (KoperasiRoles.Pembina, "1501", "kasus-pembina-kerinci") })
        {
            var page = await platform.SignInAsync(role, regency);
            try
            {
                await page.GotoAsync($"/kasus/{caseId}");
                (await page.Locator("#status-kasus").InnerTextAsync()).ShouldBe("Diusulkan");
                (await page.Locator("#tabel-peserta").InnerTextAsync()).ShouldContain(survivor.Name);
                (await page.Locator("main form[method=post]").CountAsync()).ShouldBe(0);
                await ConsolePlatform.ScreenshotAsync(page, shot);
            }
            finally
            {
                await page.Context.CloseAsync();
            }
        }

        // The pembina of Kota Jambi gets the next step and the withdrawal.
        var own = await platform.SignInAsync(KoperasiRoles.Pembina, "1571");
        try
        {
            await own.GotoAsync($"/kasus/{caseId}");
            (await own.Locator("form#form-rapat").CountAsync()).ShouldBe(1);
            (await own.Locator("form#form-penarikan").CountAsync()).ShouldBe(1);
        }
        finally
        {
            await own.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task The_Kasus_pages_have_no_serious_accessibility_violation_and_the_dashboard_shows_the_open_cases()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var survivor = await RegisterAsync("1571", $"Koperasi Uji Kasus {tag} Axe A", members: 30);
        var absorbed = await RegisterAsync("1571", $"Koperasi Uji Kasus {tag} Axe B", members: 30);
        var dissolving = await RegisterAsync("1571", $"Koperasi Uji Kasus {tag} Axe C", members: 30);
        await KnownToTransformationAsync(survivor.Id, absorbed.Id, dissolving.Id);
        var caseId = await ProposeMergerAsync(survivor.Id, absorbed.Id);
        var dissolutionId = await ProposeDissolutionAsync(dissolving.Id);

        var page = await platform.SignInAsync(KoperasiRoles.Pembina, "1571", "pembina.axe.kasus");
        try
        {
            // The dashboard's block of Transformation: the open cases and the dissolution steps due.
            var block = await page.Locator("section[aria-labelledby='b-kasus-terbuka-dan-batas-waktunya']").InnerTextAsync();
            block.ShouldContain("kasus penggabungan, peleburan dan perubahan anggaran dasar terbuka");
            block.ShouldContain("Pembubaran:");

            var paths = new[]
            {
                "/kasus", "/kasus?kabupaten=1571&jenis=merger&status=proposed", $"/kasus/{caseId}", "/kasus/usul?kabupaten=1571&q=" + tag,
                $"/kasus/pembubaran/{dissolutionId}", $"/kasus/batch/{Guid.NewGuid()}",
            };
            foreach (var path in paths)
            {
                await page.GotoAsync(path);
                var result = await page.RunAxe();
                var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{path}: {v.Id} ({v.Impact}) {v.Help}").ToList();
                serious.ShouldBeEmpty();
            }

            // The dissolution case shows its step as a form; a batch that does not exist is the API's answer in Indonesian.
            await page.GotoAsync($"/kasus/pembubaran/{dissolutionId}");
            (await page.Locator("#tahap").InnerTextAsync()).ShouldBe("Diusulkan");
            (await page.Locator("#form-langkah input[name='Step.Step']").GetAttributeAsync("value")).ShouldBe("field-verification");
            await ConsolePlatform.ScreenshotAsync(page, "kasus-pembubaran");
            await page.GotoAsync($"/kasus/batch/{Guid.NewGuid()}");
            (await page.Locator("div.masalah").InnerTextAsync()).ShouldContain("Data tidak ditemukan.");
            // Daftar kerja: the regency's dissolution candidates (the government path's worklist) and the dissolution deadlines.
            await page.GotoAsync("/kerja");
            (await page.Locator("#jumlah-calon").InnerTextAsync()).ShouldContain("di Kota Jambi tidak melaporkan RAT sekurang-kurangnya 3 tahun buku");
            (await page.Locator("#jumlah-batas").InnerTextAsync()).ShouldContain("langkah terlambat");
            (await page.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"/kerja: {v.Id} {v.Help}").ShouldBeEmpty();
            await ConsolePlatform.ScreenshotAsync(page, "kasus-daftar-kerja");

            await page.GotoAsync($"/kasus?kabupaten=1571&tahap=proposed");
            (await page.Locator("#tabel-pembubaran").InnerTextAsync()).ShouldContain(dissolving.Name);
            await ConsolePlatform.ScreenshotAsync(page, "kasus-daftar");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task A_ministry_batch_shows_its_reconciliation_and_a_ministry_that_does_not_answer_is_shown_in_Indonesian()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var dissolving = await RegisterAsync("1571", $"Koperasi Uji Kasus {tag} Usulan", members: 30);
        await KnownToTransformationAsync(dissolving.Id);

        // A government-path case proposed, verified and announced earlier (recorded now), put in a batch for the ministry.
        using var client = Admin();
        var caseId = await AnnouncedDissolutionAsync(client, dissolving.Id);
        using var opened = await client.PostAsJsonAsync("/api/transformation/dissolution-batches", new { title = $"Usulan pembubaran uji {tag}", caseIds = new[] { caseId } });
        opened.StatusCode.ShouldBe(HttpStatusCode.Created, await opened.Content.ReadAsStringAsync());
        var batchId = Guid.Parse((await opened.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>());

        var page = await platform.SignInAsync(KoperasiRoles.AdminProvinsi, null, "admin.usulan");
        try
        {
            // Opened by its number from the list of batches, reached from the Kasus page.
            await page.GotoAsync("/kasus");
            await page.ClickAsync("#daftar-usulan");
            await page.FillAsync("#batch-id", batchId.ToString());
            await page.ClickAsync("#form-buka-usulan button[type=submit]");
            await page.WaitForURLAsync($"**/kasus/batch/{batchId}");
            (await page.Locator("h1").InnerTextAsync()).ShouldBe($"Usulan pembubaran uji {tag}");
            (await page.Locator("#tabel-rekonsiliasi tbody").InnerTextAsync()).ShouldContain("Kota Jambi");
            (await page.Locator("#jumlah-diusulkan").InnerTextAsync()).ShouldBe("1");
            (await page.Locator("#jumlah-disetujui").InnerTextAsync()).ShouldBe("0");
            (await page.Locator("#jumlah-belum-dijawab").InnerTextAsync()).ShouldBe("1");
            (await page.Locator("#tabel-usulan").InnerTextAsync()).ShouldContain(dissolving.Name);
            (await page.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id} {v.Help}").ShouldBeEmpty();

            // The ministry does not answer here: the console shows the rule in Indonesian and the batch stays unsent.
            await page.ClickAsync("#form-usulan button[type=submit]", new PageClickOptions { Timeout = 120_000 });
            (await page.Locator("div.masalah").InnerTextAsync(new LocatorInnerTextOptions { Timeout = 120_000 }))
                .ShouldContain("Layanan kementerian tidak menjawab; tidak ada yang tercatat. Kirim lagi nanti.");
            (await page.Locator("#dikirim").InnerTextAsync()).ShouldBe("belum");
            await ConsolePlatform.ScreenshotAsync(page, "kasus-usulan-kementerian");
        }
        finally
        {
            await page.Context.CloseAsync();
        }

        var stored = await client.GetFromJsonAsync<JsonObject>($"/api/transformation/dissolution-batches/{batchId}");
        stored!["sentOn"].ShouldBeNull();
    }

    /// <summary>A government-path case of the koperasi proposed, verified and announced months ago (recorded now): ready for a ministry batch.</summary>
    private async Task<Guid> AnnouncedDissolutionAsync(HttpClient client, Guid cooperative)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var caseId = await ProposeDissolutionAsync(cooperative, today.AddMonths(-6));
        var proposed = await client.GetFromJsonAsync<JsonObject>($"/api/transformation/dissolutions/{caseId}");
        var version = await DissolutionStepAsync(client, caseId, "field-verification", proposed!["version"]!.GetValue<long>(), new
        {
            verifiedOn = Iso(today.AddMonths(-5)),
            letter = new { number = "140/22/DS", date = Iso(today.AddMonths(-5)), desa = "Desa Sungai Duren" },
        });
        await DissolutionStepAsync(client, caseId, "announcement", version, new { announcedOn = Iso(today.AddMonths(-4)) });
        return caseId;
    }

    /// <summary>One step of a dissolution case through the gateway with If-Match; the case's new version.</summary>
    private static async Task<long> DissolutionStepAsync(HttpClient client, Guid caseId, string step, long version, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/transformation/dissolutions/{caseId}/{step}") { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        using var response = await client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["version"]!.GetValue<long>();
    }

    private static async Task FillMeetingAsync(IPage page, Guid cooperative, int total, int present, int votesFor, int votesAgainst)
    {
        await page.SelectOptionAsync("#rapat-koperasi", cooperative.ToString());
        await page.FillAsync("#rapat-jumlah", total.ToString(CultureInfo.InvariantCulture));
        await page.FillAsync("#rapat-hadir", present.ToString(CultureInfo.InvariantCulture));
        await page.FillAsync("#rapat-setuju", votesFor.ToString(CultureInfo.InvariantCulture));
        await page.FillAsync("#rapat-tolak", votesAgainst.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Submits a step form and checks it succeeded: the page answers a redirect to the case with its success
    /// message and no problem (a refused step shows the problem on the same page).
    /// </summary>
    private static async Task SubmitAsync(IPage page, string form, string what)
    {
        await page.ClickAsync($"{form} button[type=submit]", new PageClickOptions { Timeout = 60_000 });
        await page.WaitForLoadStateAsync(LoadState.Load, new PageWaitForLoadStateOptions { Timeout = 60_000 });
        if (await page.Locator("div.masalah").CountAsync() > 0 || await page.Locator(".berhasil").CountAsync() == 0)
        {
            await ConsolePlatform.ScreenshotAsync(page, "kasus-gagal");
            throw new InvalidOperationException($"{what} did not succeed; the page shows: " + await page.Locator("main").InnerTextAsync());
        }
    }

    private sealed record Registered(Guid Id, string Name);

    /// <summary>A koperasi of the regency registered for the test, a legal entity since 1 September 2025 (after the published table).</summary>
    private async Task<Registered> RegisterAsync(string regency, string name, int members)
    {
        var body = new JsonObject
        {
            ["name"] = name,
            ["form"] = "primer",
            ["type"] = "konsumen",
            ["supervisionLevel"] = "kabupaten-kota",
            ["address"] = new JsonObject { ["street"] = "Jl. Gatot Subroto 3", ["kecamatan"] = ServiceDefaults.Regions.Places.KecamatanOf(regency)[0].Name, ["regencyCode"] = regency },
            ["legalEntity"] = new JsonObject { ["decreeNumber"] = $"{Guid.NewGuid():N}/BH/XIV.10/2025", ["decreeDate"] = "2025-09-01" },
            ["foundingMembers"] = 21,
            ["memberCount"] = members,
            ["businessField"] = "Warung serba ada",
            ["board"] = new JsonArray(new JsonObject { ["name"] = "Siti Rahmah", ["position"] = "ketua" }),
        };
        using var response = await platform.RegistryClient.PostAsJsonAsync("/api/registry/cooperatives", body);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var created = await response.Content.ReadFromJsonAsync<JsonObject>();
        return new Registered(Guid.Parse(created!["id"]!.GetValue<string>()), name);
    }

    /// <summary>An admin-provinsi client of the services through the gateway (as curl would call them).</summary>
    private HttpClient Admin() => new HttpClient { BaseAddress = platform.Address }.As(KoperasiRoles.AdminProvinsi);

    /// <summary>Waits until Transformation learned the koperasi from the Registry's events and each may take part in a case.</summary>
    private async Task KnownToTransformationAsync(params Guid[] ids)
    {
        using var client = Admin();
        foreach (var id in ids)
        {
            await Eventually.UntilAsync(
                async () =>
                {
                    using var response = await client.GetAsync($"/api/transformation/cooperatives/{id}");
                    return response.IsSuccessStatusCode && (await response.Content.ReadFromJsonAsync<JsonObject>())!["mayTakePart"]!.GetValue<bool>();
                },
                $"Transformation to learn koperasi {id}",
                TimeSpan.FromMinutes(2));
        }
    }

    private async Task<Guid> ProposeMergerAsync(Guid survivor, Guid absorbed)
    {
        using var client = Admin();
        using var response = await client.PostAsJsonAsync("/api/transformation/cases/mergers", new { survivorId = survivor, absorbedIds = new[] { absorbed } });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return Guid.Parse((await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>());
    }

    private async Task<Guid> ProposeDissolutionAsync(Guid cooperative, DateOnly? proposedOn = null)
    {
        using var client = Admin();
        using var response = await client.PostAsJsonAsync("/api/transformation/dissolutions/government", new
        {
            cooperativeId = cooperative,
            proposedOn = proposedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            grounds = new[] { new { kind = "court-decision", evidence = "Putusan PN Jambi 12/Pdt.G/2026" } },
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return Guid.Parse((await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>());
    }
}
