using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Deque.AxeCore.Playwright;
using Koperasi.Console.Formatting;
using Koperasi.ServiceDefaults.Identity;
using Koperasi.ServiceDefaults.Regions;
using Microsoft.Playwright;

namespace Koperasi.Console.Tests;

/// <summary>
/// Registering one koperasi from the console and the Laporan page, in Debian's Chromium against the
/// platform (<see cref="ConsolePlatform"/>). Every koperasi registered here is a legal entity after the
/// published 29 August 2025 table, under a name of its own per run.
/// </summary>
[Collection(ConsolePlatformCollection.Name)]
public class ConsoleRegisterBrowserTests(ConsolePlatform platform)
{
    private const string Regency = "1502";
    private const string DecreeDate = "2025-09-01";

    [Fact]
    public async Task An_admin_registers_a_koperasi_from_the_form_finds_it_in_the_register_and_downloads_it_as_CSV()
    {
        var name = $"Koperasi Uji Daftar {Guid.NewGuid().ToString("N")[..8]}";
        var page = await platform.SignInAsync(KoperasiRoles.AdminProvinsi, name: "admin.daftar");
        try
        {
            await page.GotoAsync("/register");
            await page.ClickAsync("#daftarkan");
            (await page.Locator("h1").InnerTextAsync()).ShouldBe("Daftarkan koperasi");
            await FillAsync(page, name, founders: "21");
            var desa = Places.DesaOf(Places.KecamatanOf(Regency)[0].Code)[0];
            await page.SelectOptionAsync("#d-desa", desa.Code);
            await page.FillAsync("#d-ketua", "Dewi Lestari");
            await SubmitAsync(page);
            await page.WaitForURLAsync(url => url.Contains("pesan=terdaftar", StringComparison.Ordinal), new PageWaitForURLOptions { Timeout = 120_000 });

            (await page.Locator("h1").InnerTextAsync()).ShouldBe(name);
            (await page.Locator(".berhasil").InnerTextAsync()).ShouldContain("Koperasi berhasil didaftarkan");
            var details = await page.Locator(".rincian-koperasi").InnerTextAsync();
            details.ShouldContain(Regencies.NameOf(Regency));
            details.ShouldContain("1 September 2025");
            details.ShouldContain("Dewi Lestari (ketua)");
            details.ShouldContain($"{desa.Name}, Kec. {Places.KecamatanOf(Regency)[0].Name}");
            (await page.Locator("#riwayat").InnerTextAsync()).ShouldContain("Koperasi didaftarkan · ");
            (await page.Locator("#riwayat").InnerTextAsync()).ShouldContain("oleh admin.daftar");
            await ConsolePlatform.ScreenshotAsync(page, "daftar-berhasil");

            // Found in the register by its name, and in the CSV of the list's filters.
            await page.GotoAsync("/register");
            await page.FillAsync("#q", name);
            await page.SelectOptionAsync("#kabupaten", Regency);
            await page.ClickAsync("form[role=search] button[type=submit]");
            (await page.Locator("#jumlah-hasil").InnerTextAsync()).ShouldStartWith("1 koperasi ditemukan");
            (await page.Locator($"table.tabel a:text-is('{name}')").CountAsync()).ShouldBe(1);

            var link = await page.Locator("#unduh-csv").GetAttributeAsync("href");
            var csv = await page.Context.APIRequest.GetAsync(link!);
            csv.Status.ShouldBe(200, await csv.TextAsync());
            csv.Headers["content-type"].ShouldStartWith("text/csv");
            var lines = (await csv.TextAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            lines.Length.ShouldBe(2);
            lines[0].ShouldContain("decreeNumber");
            lines[1].ShouldContain(name);
            lines[1].ShouldContain(Regency);
            lines[1].ShouldNotContain("Dewi Lestari");

            // A filter that leaves it out leaves it out.
            var none = await page.Context.APIRequest.GetAsync($"/laporan/register.csv?q={Uri.EscapeDataString(name)}&kabupaten=1571");
            (await none.TextAsync()).ShouldNotContain(name);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task A_refused_registration_shows_the_rule_in_Indonesian_beside_the_field_never_echoes_a_NIK_and_stores_nothing()
    {
        var name = $"Koperasi Uji Tolak {Guid.NewGuid().ToString("N")[..8]}";
        const string nik = "1502014509870001";
        var page = await platform.SignInAsync(KoperasiRoles.Pembina, Regency, "pembina.daftar");
        try
        {
            await page.GotoAsync("/register/baru");
            // A pembina registers in its own regency only: no other is offered.
            (await page.Locator("#d-kabupaten option").AllAsync()).Count.ShouldBe(1);
            await NoSeriousAccessibilityViolationAsync(page);

            await FillAsync(page, name, founders: "21");
            await page.FillAsync("#d-ketua", $"Dewi {nik}");
            await SubmitAsync(page);
            await page.Locator(".masalah").WaitForAsync();
            (await page.Locator(".masalah").InnerTextAsync()).ShouldContain("Isian memuat data pribadi");
            (await page.Locator(".salah-isian[data-isian='board[0].name']").InnerTextAsync()).ShouldStartWith("Isian memuat data pribadi");
            (await page.ContentAsync()).ShouldNotContain(nik);
            (await page.InputValueAsync("#d-nama")).ShouldBe(name);
            await ConsolePlatform.ScreenshotAsync(page, "daftar-ditolak-nik");

            await page.FillAsync("#d-ketua", "Dewi Lestari");
            await page.FillAsync("#d-pendiri", "3");
            await SubmitAsync(page);
            await page.Locator(".salah-isian[data-isian=foundingMembers]").WaitForAsync();
            (await page.Locator(".salah-isian[data-isian=foundingMembers]").InnerTextAsync())
                .ShouldBe("Koperasi primer memerlukan sekurang-kurangnya 9 orang pendiri (20 orang bila berdiri sebelum 2021).");
            new Uri(page.Url).AbsolutePath.ShouldBe("/register/baru");
            await NoSeriousAccessibilityViolationAsync(page);
            await ConsolePlatform.ScreenshotAsync(page, "daftar-ditolak-pendiri");
        }
        finally
        {
            await page.Context.CloseAsync();
        }

        var stored = await platform.RegistryClient.GetFromJsonAsync<JsonObject>($"/api/registry/cooperatives?q={Uri.EscapeDataString(name)}");
        stored!["totalCount"]!.GetValue<long>().ShouldBe(0);
    }

    [Fact]
    public async Task A_role_that_may_not_register_gets_no_form()
    {
        var page = await platform.SignInAsync(KoperasiRoles.Auditor);
        try
        {
            await page.GotoAsync("/register");
            (await page.Locator("#daftarkan").CountAsync()).ShouldBe(0);
            await page.GotoAsync("/register/baru");
            (await page.Locator("#tidak-berwenang").CountAsync()).ShouldBe(1);
            (await page.Locator("main form").CountAsync()).ShouldBe(0);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task The_reports_page_shows_RAT_compliance_dissolutions_and_the_statistics_as_known_on_a_date()
    {
        var year = DateTime.UtcNow.Year - 1;
        var knownOn = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var compliance = await platform.RegistryClient.GetFromJsonAsync<JsonObject>($"/api/registry/reports/rat-compliance?financialYear={year}");
        var statistics = await platform.RegistryClient.GetFromJsonAsync<JsonObject>($"/api/registry/statistics?asOf=2025-08-29&knownOn={knownOn:yyyy-MM-dd}");
        var page = await platform.SignInAsync(KoperasiRoles.Auditor);
        try
        {
            await page.GotoAsync("/");
            await page.ClickAsync("nav.navigasi a[href='/laporan']");
            (await page.Locator("h1").InnerTextAsync()).ShouldBe("Laporan");
            await page.GotoAsync($"/laporan?tahunBuku={year}&tanggal=2025-08-29&diketahui={knownOn:yyyy-MM-dd}");
            await ConsolePlatform.ScreenshotAsync(page, "laporan");
            await NoSeriousAccessibilityViolationAsync(page);

            var total = await page.Locator("#tabel-kepatuhan-rat tfoot td").AllInnerTextsAsync();
            total.ShouldBe([.. new[] { "koperasi", "onTime", "late", "none" }.Select(f => Tampil.Number(compliance![f]!.GetValue<long>()))]);
            (await page.Locator("#tabel-kepatuhan-rat tbody tr").CountAsync()).ShouldBe(Regencies.All.Count);
            (await page.Locator($"section:has(#b-kepatuhan-rat-tahun-buku-{year}) svg rect.belum").CountAsync()).ShouldBe(Regencies.All.Count);

            (await page.Locator("#b-koperasi-bubar-per-tahun-dan-kabupaten-kota").CountAsync()).ShouldBe(1);

            var summary = await page.Locator("#ringkasan-statistik").InnerTextAsync();
            summary.ShouldStartWith($"{Tampil.Number(statistics!["total"]!.GetValue<long>())} koperasi: {Tampil.Number(statistics["aktif"]!.GetValue<long>())} aktif");
            (await page.Locator("section:has(#ringkasan-statistik) h2").InnerTextAsync()).ShouldContain("sebagaimana diketahui pada " + Tampil.Date(knownOn));

            // A malformed query is ignored; a year the API refuses is its problem in Indonesian, never an error page.
            (await page.GotoAsync("/laporan?tahunBuku=abc&dari=x&tanggal=kemarin"))!.Status.ShouldBe(200);
            (await page.Locator("div.masalah").CountAsync()).ShouldBe(0);
            (await page.GotoAsync("/laporan?tahunBuku=1800"))!.Status.ShouldBe(200);
            (await page.Locator("div.masalah").InnerTextAsync()).ShouldContain("Tahun buku");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private static async Task FillAsync(IPage page, string name, string founders)
    {
        await page.FillAsync("#d-nama", name);
        await page.SelectOptionAsync("#d-jenis", "konsumen");
        await page.SelectOptionAsync("#d-kabupaten", Regency);
        await page.SelectOptionAsync("#d-kecamatan", Places.KecamatanOf(Regency)[0].Code);
        await page.FillAsync("#d-jalan", "Jl. Jenderal Sudirman 8");
        await page.FillAsync("#d-sk", $"{Guid.NewGuid():N}/BH/XIV.10/2025");
        await page.FillAsync("#d-sk-tanggal", DecreeDate);
        await page.FillAsync("#d-pendiri", founders);
        await page.FillAsync("#d-anggota", "40");
        await page.FillAsync("#d-usaha", "Warung serba ada");
    }

    private static async Task NoSeriousAccessibilityViolationAsync(IPage page)
    {
        var result = await page.RunAxe();
        result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{page.Url}: {v.Id} ({v.Impact}) {v.Help}").ShouldBeEmpty();
    }

    private static Task SubmitAsync(IPage page) =>
        page.ClickAsync("#form-daftar button[type=submit]", new PageClickOptions { Timeout = 120_000 });
}
