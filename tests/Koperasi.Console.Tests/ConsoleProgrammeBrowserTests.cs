using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koperasi.ServiceDefaults.Identity;
using Microsoft.Playwright;

namespace Koperasi.Console.Tests;

/// <summary>
/// Opening and changing a Dumisake programme from the console (admin-provinsi only), in Debian's
/// Chromium against the shared platform (<see cref="ConsolePlatform"/>). The programme opened here is
/// of a far year of its own, so the other tests keep this year's programme.
/// </summary>
[Collection(ConsolePlatformCollection.Name)]
public class ConsoleProgrammeBrowserTests(ConsolePlatform platform)
{
    [Fact]
    public async Task The_admin_of_the_province_opens_a_programme_and_changes_it_and_a_refusal_is_shown_by_its_rule()
    {
        // A verifikator reads the programmes but is offered neither form.
        var verifikator = await platform.SignInAsync(KoperasiRoles.Verifikator, null, "rina.program");
        try
        {
            await verifikator.GotoAsync("/dumisake");
            (await verifikator.Locator("#buka-program").CountAsync()).ShouldBe(0);
            await verifikator.GotoAsync("/dumisake/program/baru");
            (await verifikator.Locator("#form-program").CountAsync()).ShouldBe(0);
            await verifikator.GotoAsync($"/dumisake/program/{platform.ProgrammeId}");
            (await verifikator.Locator("#ringkasan-program").CountAsync()).ShouldBe(1);
            (await verifikator.Locator("#form-program").CountAsync()).ShouldBe(0);
        }
        finally
        {
            await verifikator.Context.CloseAsync();
        }

        var page = await platform.SignInAsync(KoperasiRoles.AdminProvinsi, null, "admin.program");
        try
        {
            await page.GotoAsync("/dumisake");
            await page.ClickAsync("#buka-program");
            (await page.Locator("h1").InnerTextAsync()).ShouldBe("Buka program Dumisake");

            // This year's programme is open already: refused by its rule, in Indonesian; nothing is opened.
            var before = (await Programmes()).Count;
            await FillNewAsync(page, ConsolePlatform.TodayInJambi.Year, "Dumisake ganda");
            await page.ClickAsync("#form-program button[type=submit]", new PageClickOptions { Timeout = 60_000 });
            (await page.Locator("div.masalah").InnerTextAsync()).ShouldContain("Program tahun ini sudah dibuka");
            (await page.Locator("#p-nama-program").InputValueAsync()).ShouldBe("Dumisake ganda");
            (await Programmes()).Count.ShouldBe(before);

            var year = Random.Shared.Next(2100, 2999);
            var name = $"Dumisake Uji {Guid.NewGuid().ToString("N")[..6]}";
            await FillNewAsync(page, year, name);
            await page.ClickAsync("#form-program button[type=submit]", new PageClickOptions { Timeout = 60_000 });
            await page.WaitForURLAsync(url => url.Contains("pesan=dibuka", StringComparison.Ordinal), new PageWaitForURLOptions { Timeout = 60_000 });
            var id = Guid.Parse(new Uri(page.Url).AbsolutePath["/dumisake/program/".Length..]);
            (await page.Locator("h1").InnerTextAsync()).ShouldBe(name);
            (await page.Locator("#anggaran-program").InnerTextAsync()).ShouldBe("Rp 19,33 miliar");
            (await page.Locator("#masa-program").InnerTextAsync()).ShouldBe($"1 Januari {year} – 31 Desember {year}");
            var opened = await Programme(id);
            opened["year"]!.GetValue<int>().ShouldBe(year);
            opened["budget"]!.GetValue<decimal>().ShouldBe(19_330_000_000m);
            opened["targetRecipients"]!.GetValue<int>().ShouldBe(1500);
            opened["categories"]!.AsArray().Select(c => c!["code"]!.GetValue<string>()).ShouldBe(["mak-mak"]);
            opened["regencyQuotas"]!["1503"]!.GetValue<int>().ShouldBe(100);
            await ConsolePlatform.ScreenshotAsync(page, "dumisake-program-dibuka");

            // A target of no one is refused by the API naming the field, in Indonesian; nothing changes.
            await page.EvalOnSelectorAsync("#p-target", "e => e.removeAttribute('min')");
            await page.FillAsync("#p-target", "0");
            await page.ClickAsync("#form-program button[type=submit]", new PageClickOptions { Timeout = 60_000 });
            (await page.Locator("div.masalah").InnerTextAsync()).ShouldContain("Target penerima");
            (await Programme(id))["version"]!.GetValue<long>().ShouldBe(opened["version"]!.GetValue<long>());

            // The budget and the target grow, mak-mak closes, milenial is added, Sarolangun's quota changes and Merangin gets one.
            await page.FillAsync("#p-anggaran", "20000000000");
            await page.FillAsync("#p-target", "2000");
            await page.UncheckAsync("#p-buka-0");
            await page.FillAsync("#p-kode-1", "milenial");
            await page.FillAsync("#p-nama-1", "Milenial");
            await page.FillAsync("#p-nilai-1", "5000000");
            await page.FillAsync("#p-kuota-1503", "150");
            await page.FillAsync("#p-kuota-1502", "40");
            await page.ClickAsync("#form-program button[type=submit]", new PageClickOptions { Timeout = 60_000 });
            await page.WaitForURLAsync(url => url.Contains("pesan=diubah", StringComparison.Ordinal), new PageWaitForURLOptions { Timeout = 60_000 });
            (await page.Locator("#anggaran-program").InnerTextAsync()).ShouldBe("Rp 20 miliar");
            (await page.Locator("#target-program").InnerTextAsync()).ShouldBe("2.000");
            var changed = await Programme(id);
            changed["budget"]!.GetValue<decimal>().ShouldBe(20_000_000_000m);
            changed["targetRecipients"]!.GetValue<int>().ShouldBe(2000);
            var categories = changed["categories"]!.AsArray().ToDictionary(c => c!["code"]!.GetValue<string>(), c => c!["open"]!.GetValue<bool>());
            categories.ShouldBe(new Dictionary<string, bool> { ["mak-mak"] = false, ["milenial"] = true });
            changed["regencyQuotas"]!["1503"]!.GetValue<int>().ShouldBe(150);
            changed["regencyQuotas"]!["1502"]!.GetValue<int>().ShouldBe(40);
            await ConsolePlatform.ScreenshotAsync(page, "dumisake-program-diubah");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private static async Task FillNewAsync(IPage page, int year, string name)
    {
        var text = year.ToString(CultureInfo.InvariantCulture);
        await page.FillAsync("#p-tahun", text);
        await page.FillAsync("#p-nama-program", name);
        await page.FillAsync("#p-anggaran", "19330000000");
        await page.FillAsync("#p-target", "1500");
        await page.FillAsync("#p-acuan", $"{text}-01-01");
        await page.FillAsync("#p-dibuka", $"{text}-01-01");
        await page.FillAsync("#p-ditutup", $"{text}-12-31");
        await page.FillAsync("#p-kode-0", "mak-mak");
        await page.FillAsync("#p-nama-0", "Mak-mak");
        await page.FillAsync("#p-nilai-0", "5000000");
        await page.FillAsync("#p-kuota-1503", "100");
    }

    private async Task<JsonArray> Programmes() =>
        (await platform.FundingClient.GetFromJsonAsync<JsonArray>("/api/funding/programmes", TestContext.Current.CancellationToken))!;

    private async Task<JsonObject> Programme(Guid id) =>
        (await platform.FundingClient.GetFromJsonAsync<JsonObject>($"/api/funding/programmes/{id}", TestContext.Current.CancellationToken))!;
}
