using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Koperasi.Funding.Applications;
using Koperasi.Funding.Demo;
using Koperasi.Funding.Tests.Security;
using Koperasi.ServiceDefaults.Identity;
using Koperasi.Testing;

namespace Koperasi.Funding.Tests.Demo;

/// <summary>
/// The demo data set loaded into a fresh store through the normal flow: the reports (which know
/// nothing of the demo) count what was loaded, and running the tool again changes nothing. The class
/// loads the set scaled down to a tenth (<see cref="DemoDataHost"/>);
/// <see cref="DemoDataPublishedFiguresTests"/> loads the full set and finds the published figures.
/// </summary>
public class DemoDataLoadTests(DemoDataHost demo) : IClassFixture<DemoDataHost>
{
    private readonly HttpClient _client = demo.Funding.CreateClient();

    [Fact]
    public void The_scaled_set_keeps_every_year_regency_and_decree_at_about_a_tenth()
    {
        var full = DemoSet.Generate();
        demo.Set.Programmes.Select(p => (p.Year, p.Budget, p.TargetRecipients)).ShouldBe(full.Programmes.Select(p => (p.Year, p.Budget, p.TargetRecipients)));
        demo.Set.Batches.Select(b => (b.Year, b.DecreeNumber)).ShouldBe(full.Batches.Select(b => (b.Year, b.DecreeNumber)));
        demo.Set.Batches.ShouldAllBe(b => b.Applications.Count > 0);
        demo.Set.Applications.ShouldBeInRange(full.Applications / DemoDataHost.ScaledDivisor, (full.Applications / DemoDataHost.ScaledDivisor) + full.Batches.Count);
        Regencies(demo.Set).Keys.ShouldBe(Published.Regencies.Keys, ignoreOrder: true);
    }

    [Fact]
    public void Every_application_of_the_set_was_granted()
    {
        var total = demo.Set.Applications;
        demo.Loaded.ShouldBe(new DemoDataState(DemoDataStatus.Loaded, total, 0, total));
        TestContext.Current.TestOutputHelper?.WriteLine($"Scaled demo set loaded in {demo.LoadTime.TotalSeconds:F1} s.");
    }

    [Theory]
    [InlineData(2022)]
    [InlineData(2023)]
    public async Task The_recipients_report_shows_the_year_of_the_set(int year)
    {
        var (recipients, amount) = (Recipients(demo.Set, year), Amount(demo.Set, year));
        var report = await ReportAsync($"/api/funding/reports/recipients?year={year}", r => r["recipients"]!.GetValue<int>() == recipients);
        report["amount"]!.GetValue<decimal>().ShouldBe(amount);
    }

    [Fact]
    public async Task The_recipients_report_shows_the_regencies_of_the_set_per_year()
    {
        var report = await ReportAsync("/api/funding/reports/recipients?groupBy=year,regency", r => r["recipients"]!.GetValue<int>() == demo.Set.Applications);
        ByRegency(report).ShouldBe(Regencies(demo.Set), ignoreOrder: true);
        foreach (var year in new[] { 2022, 2023 })
        {
            var rows = report["rows"]!.AsArray().Where(r => r!["year"]!.GetValue<int>() == year).ToList();
            rows.Sum(r => r!["recipients"]!.GetValue<int>()).ShouldBe(Recipients(demo.Set, year), $"{year}");
            rows.Sum(r => r!["amount"]!.GetValue<decimal>()).ShouldBe(Amount(demo.Set, year), $"{year}");
        }
    }

    [Fact]
    public async Task Progress_counts_each_year_against_its_programme_and_the_period_against_the_configured_RPJMD_target()
    {
        var total = demo.Set.Applications;
        var progress = await ReportAsync("/api/funding/reports/progress", r => r["rpjmd"]!["recipients"]!.GetValue<int>() == total);
        progress["programmes"]!.AsArray().Select(p => (p!["year"]!.GetValue<int>(), p["recipients"]!.GetValue<int>(), p["targetRecipients"]!.GetValue<int>()))
            .ShouldBe([.. demo.Set.Programmes.OrderBy(p => p.Year).Select(p => (p.Year, Recipients(demo.Set, p.Year), p.TargetRecipients))]);
        progress["rpjmd"]!["targetRecipients"]!.GetValue<int>().ShouldBe(4_500);
    }

    [Fact]
    public async Task Past_grants_were_disbursed_and_visited()
    {
        var total = demo.Set.Applications;
        var visited = demo.Set.Batches.SelectMany(b => b.Applications).Count(a => a.Steps.Visit is not null);
        var monitoring = await ReportAsync("/api/funding/reports/monitoring?year=2022", r => r["disbursed"]!.GetValue<int>() == Recipients(demo.Set, 2022));
        monitoring["coverage"]!.GetValue<decimal>().ShouldBe(1m);
        var all = await ReportAsync("/api/funding/reports/monitoring", r => r["disbursed"]!.GetValue<int>() == total);
        all["monitored"]!.GetValue<int>().ShouldBe(visited);
        visited.ShouldBeLessThan(total);
    }

    [Fact]
    public async Task An_applicant_is_in_the_vault_like_any_other_shown_masked_and_the_history_names_the_demo_load()
    {
        var page = await Api.GetAsync(_client, "/api/funding/applications?status=closed&pageSize=1");
        var application = page["items"]![0]!;
        var id = application["id"]!.GetValue<string>();
        application["applicant"]!["maskedNik"]!.GetValue<string>().ShouldContain("******");

        using var revealed = await _client.PostAsJsonAsync($"/api/funding/applications/{id}/applicant/reveal", new JsonObject { ["purpose"] = "Pemeriksaan data demo" }, TestContext.Current.CancellationToken);
        var record = await revealed.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        var nik = record!["nik"]!.GetValue<string>();
        NikStructure.Read(nik, out var problem).ShouldNotBeNull(problem);
        record["name"]!.GetValue<string>().ShouldBe(application["applicant"]!["name"]!.GetValue<string>());

        var history = await _client.GetFromJsonAsync<JsonArray>($"/api/funding/applications/{id}/history", TestContext.Current.CancellationToken);
        history!.Select(e => e!["type"]!.GetValue<string>()).ShouldBe(
            ["application-submitted", "documents-checked", "field-verified", "application-found-eligible", "grant-decreed", "disbursement-requested", "grant-disbursed", "monitoring-visit-recorded", "application-closed"]);
        history!.ShouldAllBe(e => e!["actor"]!.GetValue<string>() == "system:demo-data");
    }

    [Fact]
    public async Task No_role_that_reads_applications_rebuilds_any_demo_applicants_NIK_from_the_list_or_the_export()
    {
        var niks = demo.Set.Batches.SelectMany(b => b.Applications).Select(a => new string([.. a.Request.Nik.Where(char.IsAsciiDigit)])).ToHashSet(StringComparer.Ordinal);
        var total = demo.Set.Applications;
        foreach (var role in FundingPolicies.All[FundingPolicies.ReadApplications])
        {
            // A pendamping of every regency: together, the pendamping see every application.
            var client = demo.Funding.CreateClientAs(role, [.. Published.Regencies.Keys]);
            var views = new Dictionary<string, StringBuilder>(StringComparer.Ordinal);
            for (var page = 1; views.Count < total; page++)
            {
                var items = (await Api.GetAsync(client, $"/api/funding/applications?pageSize={ListApplications.MaxPageSize}&page={page}"))["items"]!.AsArray();
                items.ShouldNotBeEmpty(role);
                foreach (var item in items)
                {
                    views[item!["id"]!.GetValue<string>()] = new StringBuilder(item.ToJsonString());
                }
            }

            var export = await Export.CsvFile.GetAsync(client, "");
            export.Rows.Count.ShouldBe(total, role);
            foreach (var row in export.Rows)
            {
                views[row[0]].AppendLine(string.Join(",", row));
            }

            // The officers see every masked NIK, so the attack has each one's prefix and suffix; the auditor sees none.
            views.Values.Count(view => view.ToString().Contains("******", StringComparison.Ordinal)).ShouldBe(role == KoperasiRoles.Auditor ? 0 : total, role);
            var rebuilt = views.Values.Count(view => NikRebuild.Attempt(view.ToString(), []).Any(niks.Contains));
            rebuilt.ShouldBe(0, $"{role} rebuilt {rebuilt} of {views.Count} demo applicants' NIKs");
        }
    }

    [Fact]
    public async Task Running_the_tool_again_on_the_same_store_loads_nothing_twice()
    {
        (await DemoDataHost.LoadAsync(demo.Funding, demo.Set)).ShouldBe(new DemoDataState(DemoDataStatus.Skipped, 0, 0, 0));
        (await DemoDataHost.LoadAsync(demo.Funding)).ShouldBe(new DemoDataState(DemoDataStatus.Skipped, 0, 0, 0));

        (await Api.GetAsync(_client, "/api/funding/applications?pageSize=1"))["totalCount"]!.GetValue<long>().ShouldBe(demo.Set.Applications);
        var programmes = await _client.GetFromJsonAsync<JsonArray>("/api/funding/programmes", TestContext.Current.CancellationToken);
        programmes!.Select(p => (p!["year"]!.GetValue<int>(), p["decreed"]!["recipients"]!.GetValue<int>()))
            .ShouldBe([.. demo.Set.Programmes.Select(p => (p.Year, Recipients(demo.Set, p.Year)))], ignoreOrder: true);
    }

    private Task<JsonObject> ReportAsync(string url, Func<JsonObject, bool> caughtUp) => ReportAsync(_client, url, caughtUp);

    /// <summary>Reports are kept by the async daemon: waits until the report has caught up with the load.</summary>
    internal static Task<JsonObject> ReportAsync(HttpClient client, string url, Func<JsonObject, bool> caughtUp) =>
        Eventually.ValueAsync(async () => await Api.GetAsync(client, url) is var report && caughtUp(report) ? report : null, url, DemoDataHost.LoadTimeout);

    /// <summary>The recipients of 2022 and 2023 per regency, from a report grouped by year and regency.</summary>
    internal static Dictionary<string, int> ByRegency(JsonObject report) =>
        report["rows"]!.AsArray()
            .Where(r => r!["year"]!.GetValue<int>() is 2022 or 2023)
            .GroupBy(r => r!["regencyCode"]!.GetValue<string>())
            .ToDictionary(g => g.Key, g => g.Sum(r => r!["recipients"]!.GetValue<int>()));

    private static int Recipients(DemoSet set, int year) => set.Batches.Where(b => b.Year == year).Sum(b => b.Applications.Count);

    /// <summary>What the set grants in a year: each application's category amount in that year's programme.</summary>
    private static decimal Amount(DemoSet set, int year)
    {
        var amounts = set.Programmes.Single(p => p.Year == year).Categories.ToDictionary(c => c.Code, c => c.Amount);
        return set.Batches.Where(b => b.Year == year).SelectMany(b => b.Applications).Sum(a => amounts[a.Request.Category]);
    }

    private static Dictionary<string, int> Regencies(DemoSet set) =>
        set.Batches.SelectMany(b => b.Applications).GroupBy(a => a.Request.Address.RegencyCode).ToDictionary(g => g.Key, g => g.Count());
}
