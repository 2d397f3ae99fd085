using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Deque.AxeCore.Playwright;
using Koperasi.ServiceDefaults.Identity;
using Koperasi.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Koperasi.Console.Tests;

/// <summary>
/// The console's Impor and Operasi pages and the actions of a koperasi's page, in Debian's Chromium
/// against the shared platform (<see cref="ConsolePlatform"/>). Koperasi the tests register or import are
/// legal entities from 1 September 2025, after the published 29 August 2025 table the other tests compare.
/// </summary>
[Collection(ConsolePlatformCollection.Name)]
public class ConsoleOperationsBrowserTests(ConsolePlatform platform)
{
    private const string Header =
        "name,form,type,savings_loan_scheme,syariah,multi_pihak,member_classes,supervision_level,regency_code,kecamatan,village,street,postal_code,decree_number,decree_date,deed_number,deed_date,notary,founding_members,member_count,business_field,nib,nik_koperasi,nik_koperasi_issued_on,phone,email,last_rat_year,last_rat_date,last_rat_members_present,last_rat_members_total,last_rat_mode";

    [Fact]
    public async Task An_import_with_bad_rows_shows_its_progress_and_its_row_errors()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        string Row(int n, string type = "konsumen", string decreeDate = "2025-09-01") =>
            $"Koperasi Impor Konsol {run} {n},primer,{type},,false,false,,kabupaten-kota,1571,Telanaipura,,Jl. Kenari Raya No. {n},36122,"
            + $"{n}/{run}/BH/XIV.10/IX/2025,{decreeDate},0{n},2025-08-20,Notaris Contoh Satu,20,40,Toko kebutuhan pokok,,,,,,,,,,";
        // Rows 2, 4 and 6 are good; row 3 has an unknown type, row 5 a date that does not exist.
        var csv = string.Join('\n', Header, Row(1), Row(2, type: "koperasi-susu"), Row(3), Row(4, decreeDate: "2025-02-30"), Row(5)) + "\n";
        var file = Path.Combine(Path.GetTempPath(), $"register-konsol-{run}.csv");
        await File.WriteAllTextAsync(file, csv, new UTF8Encoding(false), TestContext.Current.CancellationToken);

        var page = await platform.SignInAsync(KoperasiRoles.AdminProvinsi, null, "admin.impor");
        try
        {
            await page.ClickAsync("nav.navigasi a[href='/impor']");
            (await page.Locator("h1").InnerTextAsync()).ShouldBe("Impor register");

            // No file: the console says so and stays; nothing is imported.
            await page.EvalOnSelectorAsync("#impor-berkas", "e => e.removeAttribute('required')");
            await page.ClickAsync("#form-impor button[type=submit]");
            (await page.Locator("div.masalah").InnerTextAsync()).ShouldContain("Pilih berkas CSV");
            new Uri(page.Url).AbsolutePath.ShouldBe("/impor");

            await page.SetInputFilesAsync("#impor-berkas", file);
            await page.ClickAsync("#form-impor button[type=submit]", new PageClickOptions { Timeout = 60_000 });
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/impor/", StringComparison.Ordinal), new PageWaitForURLOptions { Timeout = 60_000 });
            var id = Guid.Parse(new Uri(page.Url).AbsolutePath["/impor/".Length..]);
            (await page.Locator("h1").InnerTextAsync()).ShouldBe($"Impor register-konsol-{run}.csv");
            await ConsolePlatform.ScreenshotAsync(page, "impor-berjalan");

            // While it runs the page refreshes itself (a meta refresh, no script); once done it shows the whole file.
            await Eventually.ValueAsync(
                async () =>
                {
                    var state = await page.Locator("#keadaan-impor").InnerTextAsync();
                    if (state == "Selesai")
                    {
                        return state;
                    }

                    (await page.Locator("meta[http-equiv=refresh]").CountAsync()).ShouldBe(1, state);
                    await page.ReloadAsync();
                    return null;
                },
                "the import to finish",
                TimeSpan.FromMinutes(1));
            (await page.Locator("meta[http-equiv=refresh]").CountAsync()).ShouldBe(0);
            (await page.Locator("progress#kemajuan-impor").GetAttributeAsync("value")).ShouldBe("5");
            (await page.Locator("progress#kemajuan-impor").GetAttributeAsync("max")).ShouldBe("5");
            (await page.Locator("#baris-diproses").InnerTextAsync()).ShouldBe("5 dari 5");
            (await page.Locator("#jumlah-diimpor").InnerTextAsync()).ShouldBe("3");
            (await page.Locator("#jumlah-ditolak").InnerTextAsync()).ShouldBe("2");

            var errors = new List<IReadOnlyList<string>>();
            foreach (var row in await page.Locator("#tabel-kesalahan tbody tr").AllAsync())
            {
                errors.Add([.. (await row.Locator("th, td").AllInnerTextsAsync()).Select(c => c.Trim())]);
            }

            errors.Select(e => e[0]).Distinct().ShouldBe(["3", "5"]);
            errors.ShouldContain(e => e[0] == "3" && e[1] == "type" && e[3].Contains("koperasi-susu", StringComparison.Ordinal));
            errors.ShouldContain(e => e[0] == "5" && e[1] == "decree_date");
            (await page.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical").ShouldBeEmpty();
            await ConsolePlatform.ScreenshotAsync(page, "impor-selesai");

            // The Registry's own job agrees, and the list of imports links to it.
            var job = await platform.RegistryClient.GetFromJsonAsync<JsonObject>($"/api/registry/imports/{id}", TestContext.Current.CancellationToken);
            job!["imported"]!.GetValue<int>().ShouldBe(3);
            job["invalid"]!.GetValue<int>().ShouldBe(2);
            job["submittedBy"]!.GetValue<string>().ShouldBe("admin.impor");
            await page.GotoAsync("/impor");
            (await page.Locator($"#tabel-impor tr:has(a[href='/impor/{id}'])").InnerTextAsync()).ShouldContain("Selesai");
        }
        finally
        {
            await page.Context.CloseAsync();
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_broken_file_is_refused_by_its_column_and_nothing_is_imported()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var file = Path.Combine(Path.GetTempPath(), $"rusak-{run}.csv");
        await File.WriteAllTextAsync(file, "name,form\nKoperasi Rusak,primer\n", TestContext.Current.CancellationToken);
        var page = await platform.SignInAsync(KoperasiRoles.Pembina, "1571", "pembina.impor");
        try
        {
            await page.GotoAsync("/impor");
            await page.SetInputFilesAsync("#impor-berkas", file);
            await page.ClickAsync("#form-impor button[type=submit]");
            var problem = await page.Locator("div.masalah").InnerTextAsync();
            problem.ShouldContain("Isian belum benar");
            new Uri(page.Url).AbsolutePath.ShouldBe("/impor");
            (await page.Locator($"#tabel-impor a:has-text('rusak-{run}.csv')").CountAsync()).ShouldBe(0);
        }
        finally
        {
            await page.Context.CloseAsync();
            File.Delete(file);
        }
    }

    [Fact]
    public async Task The_actions_of_a_koperasi_s_page_follow_the_role_matrix_and_a_pembina_of_its_regency_uses_them()
    {
        var koperasi = await RegisterAsync("1502");

        // A pembina of another regency and an auditor see none of the forms.
        foreach (var (role, regency) in new[] { (KoperasiRoles.Pembina, (string?)"1501"), (KoperasiRoles.Auditor, null) })
        {
            var other = await platform.SignInAsync(role, regency);
            try
            {
                await other.GotoAsync($"/register/{koperasi.Id}");
                (await other.Locator("h1").InnerTextAsync()).ShouldBe(koperasi.Name);
                foreach (var form in new[] { "form-data", "form-pembina", "form-unggulan" })
                {
                    (await other.Locator($"form#{form}").CountAsync()).ShouldBe(0, $"{role} {regency}: {form}");
                }
            }
            finally
            {
                await other.Context.CloseAsync();
            }
        }

        // The pembina of the koperasi's regency changes its contact and assigns its pembina; designating a flagship is the province's.
        var page = await platform.SignInAsync(KoperasiRoles.Pembina, "1502", "pembina.aksi");
        try
        {
            await page.GotoAsync($"/register/{koperasi.Id}");
            (await page.Locator("form#form-unggulan").CountAsync()).ShouldBe(0);
            await page.FillAsync("#d-telepon", "0746321456");
            await page.FillAsync("#d-surel", "kantor@konsol.example");
            await page.ClickAsync("#form-data button[type=submit]", new PageClickOptions { Timeout = 60_000 });
            await page.WaitForURLAsync(url => url.Contains("pesan=data", StringComparison.Ordinal), new PageWaitForURLOptions { Timeout = 60_000 });
            (await page.Locator(".berhasil").InnerTextAsync()).ShouldContain("Data koperasi berhasil diubah");

            await page.FillAsync("#p-pengguna", "pembina.aksi");
            await page.ClickAsync("#form-pembina button[type=submit]", new PageClickOptions { Timeout = 60_000 });
            await page.WaitForURLAsync(url => url.Contains("pesan=pembina", StringComparison.Ordinal), new PageWaitForURLOptions { Timeout = 60_000 });

            // A second assignment at the same level is refused in Indonesian; the page stays.
            await page.FillAsync("#p-pengguna", "pembina.lain");
            await page.ClickAsync("#form-pembina button[type=submit]");
            (await page.Locator("#form-pembina").Locator("xpath=preceding-sibling::div[contains(@class,'masalah')]").InnerTextAsync()).ShouldNotBeNullOrWhiteSpace();
            (await page.Locator("#riwayat").InnerTextAsync()).ShouldContain("oleh pembina.aksi");
            await ConsolePlatform.ScreenshotAsync(page, "aksi-pembina");

            var stored = await platform.RegistryClient.GetFromJsonAsync<JsonObject>($"/api/registry/cooperatives/{koperasi.Id}", TestContext.Current.CancellationToken);
            stored!["contact"]!["email"]!.GetValue<string>().ShouldBe("kantor@konsol.example");
            var history = await platform.RegistryClient.GetFromJsonAsync<JsonArray>($"/api/registry/cooperatives/{koperasi.Id}/history", TestContext.Current.CancellationToken);
            history!.Count(e => e!["type"]!.GetValue<string>().Contains("pembina", StringComparison.OrdinalIgnoreCase)).ShouldBe(1);
        }
        finally
        {
            await page.Context.CloseAsync();
        }

        // The admin of the province designates it a flagship of its regency.
        var admin = await platform.SignInAsync(KoperasiRoles.AdminProvinsi, null, "admin.unggulan");
        try
        {
            await admin.GotoAsync($"/register/{koperasi.Id}");
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            await admin.FillAsync("#u-alasan", "Usaha kelontong desa yang tumbuh dan tertib RAT");
            await admin.FillAsync("#u-mulai", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await admin.FillAsync("#u-sampai", today.AddYears(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await admin.ClickAsync("#form-unggulan button[type=submit]", new PageClickOptions { Timeout = 60_000 });
            try
            {
                await admin.WaitForURLAsync(url => url.Contains("pesan=unggulan", StringComparison.Ordinal), new PageWaitForURLOptions { Timeout = 60_000 });
            }
            catch (TimeoutException)
            {
                throw new TimeoutException("The designation did not succeed; the page shows: " + await admin.Locator("main").InnerTextAsync());
            }

            var history = await platform.RegistryClient.GetFromJsonAsync<JsonArray>($"/api/registry/cooperatives/{koperasi.Id}/history", TestContext.Current.CancellationToken);
            history!.ShouldContain(e => e!["type"]!.GetValue<string>().Contains("flagship", StringComparison.OrdinalIgnoreCase) && e["actor"]!.GetValue<string>() == "admin.unggulan");
        }
        finally
        {
            await admin.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task The_operator_sees_every_service_s_health_and_replays_an_error_queue()
    {
        // An error queue of this platform with one failed message in it.
        var queue = $"{platform.Registry.EntityPrefix}.konsol-uji-{Guid.NewGuid().ToString("N")[..6]}";
        using var broker = BrokerAdmin.CreateClient();
        var vhost = Uri.EscapeDataString(TestInfrastructure.TestVirtualHost);
        foreach (var name in new[] { queue, queue + "_error" })
        {
            using var created = await broker.PutAsJsonAsync($"queues/{vhost}/{Uri.EscapeDataString(name)}", new { durable = true, auto_delete = false });
            created.IsSuccessStatusCode.ShouldBeTrue(await created.Content.ReadAsStringAsync());
        }

        using (var published = await broker.PostAsJsonAsync($"exchanges/{vhost}/amq.default/publish", new
        {
            properties = new { message_id = "uji-1", headers = new Dictionary<string, object> { ["MT-Fault-Message"] = "uji" } },
            routing_key = queue + "_error",
            payload = "{\"uji\":1}",
            payload_encoding = "string",
        }))
        {
            (await published.Content.ReadFromJsonAsync<JsonObject>())!["routed"]!.GetValue<bool>().ShouldBeTrue();
        }

        // A pembina has no Operasi.
        var pembina = await platform.SignInAsync(KoperasiRoles.Pembina, "1502");
        try
        {
            (await pembina.Locator("nav.navigasi a[href='/operasi']").CountAsync()).ShouldBe(0);
            await pembina.GotoAsync("/operasi");
            (await pembina.Locator("#tabel-layanan").CountAsync()).ShouldBe(0);
            (await pembina.Locator("div.masalah").InnerTextAsync()).ShouldContain("untuk operator");
        }
        finally
        {
            await pembina.Context.CloseAsync();
        }

        var page = await platform.SignInAsync(KoperasiRoles.AdminProvinsi, null, "operator.uji");
        try
        {
            await page.ClickAsync("nav.navigasi a[href='/operasi']");
            (await page.Locator("h1").InnerTextAsync()).ShouldBe("Operasi");

            // Every service the gateway proxies to, live and ready, the Registry with its relay's counters.
            var services = platform.Gateway.Services.GetRequiredService<IConfiguration>().GetSection("Services").GetChildren()
                .Where(s => !string.IsNullOrWhiteSpace(s.Value)).Select(s => s.Key.ToLowerInvariant()).ToList();
            services.ShouldContain("registry");
            foreach (var service in services)
            {
                var row = page.Locator($"#tabel-layanan tr[data-layanan='{service}']");
                (await row.CountAsync()).ShouldBeGreaterThanOrEqualTo(1, service);
                (await row.First.Locator("td.hidup").InnerTextAsync()).ShouldBe("ya", service);
                (await row.First.Locator("td.siap").InnerTextAsync()).ShouldBe("ya", service);
            }

            // The Registry runs its relay here (the demo set's registrations were published): its counters show.
            var registry = await page.Locator("#tabel-layanan tr[data-layanan='registry']").First.InnerTextAsync();
            registry.ShouldNotContain("relay tidak berjalan");
            (await page.Locator("#tautan-pemantauan").InnerTextAsync()).ShouldContain("belum dikonfigurasi");

            // The error queue shows its message (the broker's counts lag a few seconds), and the operator sends it back.
            var errorRow = page.Locator($"#tabel-antrean tr[data-antrean='{queue}_error']");
            await Eventually.ValueAsync(
                async () =>
                {
                    await page.ReloadAsync();
                    return await errorRow.CountAsync() == 1 && (await errorRow.Locator("td").First.InnerTextAsync()).Trim() == "1" ? "shown" : null;
                },
                "the error queue to show its message",
                TimeSpan.FromSeconds(30));
            (await page.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical").ShouldBeEmpty();
            await ConsolePlatform.ScreenshotAsync(page, "operasi");

            await errorRow.Locator("button[type=submit]").ClickAsync();
            await page.WaitForURLAsync(url => url.Contains("pesan=", StringComparison.Ordinal));
            (await page.Locator(".berhasil").InnerTextAsync()).ShouldContain($"1 pesan dari {queue}_error dikirim ulang");

            // The message is back in its queue with its id and headers; the error queue is empty.
            using var back = await broker.PostAsJsonAsync($"queues/{vhost}/{Uri.EscapeDataString(queue)}/get", new { count = 10, ackmode = "ack_requeue_false", encoding = "auto" });
            var messages = (await back.Content.ReadFromJsonAsync<JsonArray>())!;
            messages.Count.ShouldBe(1);
            messages[0]!["payload"]!.GetValue<string>().ShouldBe("{\"uji\":1}");
            messages[0]!["properties"]!["message_id"]!.GetValue<string>().ShouldBe("uji-1");
            messages[0]!["properties"]!["headers"]!["MT-Fault-Message"]!.GetValue<string>().ShouldBe("uji");
            using var left = await broker.PostAsJsonAsync($"queues/{vhost}/{Uri.EscapeDataString(queue + "_error")}/get", new { count = 10, ackmode = "ack_requeue_true", encoding = "auto" });
            (await left.Content.ReadFromJsonAsync<JsonArray>())!.Count.ShouldBe(0);
        }
        finally
        {
            await page.Context.CloseAsync();
            foreach (var name in new[] { queue, queue + "_error" })
            {
                using var _ = await broker.DeleteAsync($"queues/{vhost}/{Uri.EscapeDataString(name)}");
            }
        }
    }

    private sealed record Found(Guid Id, string Name);

    /// <summary>A koperasi of the regency registered for the test, a legal entity since 1 September 2025.</summary>
    private async Task<Found> RegisterAsync(string regency)
    {
        var name = $"Koperasi Uji Aksi {Guid.NewGuid().ToString("N")[..6]}";
        var body = new JsonObject
        {
            ["name"] = name,
            ["form"] = "primer",
            ["type"] = "konsumen",
            ["supervisionLevel"] = "kabupaten-kota",
            ["address"] = new JsonObject { ["street"] = "Jl. Lintas Sumatera 3", ["kecamatan"] = ServiceDefaults.Regions.Places.KecamatanOf(regency)[0].Name, ["regencyCode"] = regency },
            ["legalEntity"] = new JsonObject { ["decreeNumber"] = $"{Guid.NewGuid():N}/BH/XIV.10/2025", ["decreeDate"] = "2025-09-01" },
            ["foundingMembers"] = 21,
            ["memberCount"] = 40,
            ["businessField"] = "Warung serba ada",
            ["board"] = new JsonArray(new JsonObject { ["name"] = "Rahmat Hidayat", ["position"] = "ketua" }),
        };
        using var response = await platform.RegistryClient.PostAsJsonAsync("/api/registry/cooperatives", body);
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var created = await response.Content.ReadFromJsonAsync<JsonObject>();
        return new Found(Guid.Parse(created!["id"]!.GetValue<string>()), name);
    }
}
