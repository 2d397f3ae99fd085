using Koperasi.Funding.Demo;

namespace Koperasi.Funding.Tests.Demo;

/// <summary>
/// The full Dumisake demo data set, loaded by the tool into a fresh store, answers the published
/// figures (shared/data/published-figures.md). Its own class, so that it runs beside the tests of
/// <see cref="DemoDataLoadTests"/> on the scaled-down set.
/// </summary>
public class DemoDataPublishedFiguresTests
{
    [Fact]
    public async Task The_full_demo_set_gives_the_published_figures()
    {
        await using var full = DemoDataHost.Full();
        await full.InitializeAsync();
        var client = full.Funding.CreateClient();
        var total = Published.Regencies.Values.Sum();
        full.Loaded.ShouldBe(new DemoDataState(DemoDataStatus.Loaded, total, 0, total));
        TestContext.Current.TestOutputHelper?.WriteLine($"Full demo set loaded in {full.LoadTime.TotalSeconds:F1} s.");

        foreach (var (year, (recipients, amount)) in Published.Years)
        {
            var report = await DemoDataLoadTests.ReportAsync(client, $"/api/funding/reports/recipients?year={year}", r => r["recipients"]!.GetValue<int>() == recipients);
            report["amount"]!.GetValue<decimal>().ShouldBe(amount, $"{year}");
        }

        var byYearAndRegency = await DemoDataLoadTests.ReportAsync(client, "/api/funding/reports/recipients?groupBy=year,regency", r => r["recipients"]!.GetValue<int>() == total);
        DemoDataLoadTests.ByRegency(byYearAndRegency).ShouldBe(Published.Regencies, ignoreOrder: true);
        var (regency, sarolangunRecipients, sarolangunAmount) = Published.Sarolangun2022;
        var sarolangun = byYearAndRegency["rows"]!.AsArray().Single(r => r!["year"]!.GetValue<int>() == 2022 && r["regencyCode"]!.GetValue<string>() == regency)!;
        (sarolangun["recipients"]!.GetValue<int>(), sarolangun["amount"]!.GetValue<decimal>()).ShouldBe((sarolangunRecipients, sarolangunAmount));

        var progress = await DemoDataLoadTests.ReportAsync(client, "/api/funding/reports/progress", r => r["rpjmd"]!["recipients"]!.GetValue<int>() == total);
        progress["programmes"]!.AsArray().Select(p => (p!["year"]!.GetValue<int>(), p["recipients"]!.GetValue<int>(), p["targetRecipients"]!.GetValue<int>()))
            .ShouldBe([(2022, Published.Years[2022].Recipients, Published.Years[2022].Recipients), (2023, Published.Years[2023].Recipients, Published.Years[2023].Recipients), (2024, 0, Published.Target2024)]);
        progress["rpjmd"]!["targetRecipients"]!.GetValue<int>().ShouldBe(4_500);
    }
}
