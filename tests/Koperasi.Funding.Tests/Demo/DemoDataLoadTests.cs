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
/// nothing of the demo) answer the published figures, and running the tool again changes nothing.
/// </summary>
public class DemoDataLoadTests(DemoDataHost demo) : IClassFixture<DemoDataHost>
{
    private readonly HttpClient _client = demo.Funding.CreateClient();

    [Fact]
    public void Every_application_of_the_set_was_granted()
    {
        var total = Published.Regencies.Values.Sum();
        demo.Loaded.ShouldBe(new DemoDataState(DemoDataStatus.Loaded, total, 0, total));
        TestContext.Current.TestOutputHelper?.WriteLine($"Demo set loaded in {demo.LoadTime.TotalSeconds:F1} s.");
    }

    [Theory]
    [InlineData(2022)]
    [InlineData(2023)]
    public async Task The_recipients_report_shows_the_published_year(int year)
    {
        var (recipients, amount) = Published.Years[year];
        var report = await ReportAsync($"/api/funding/reports/recipients?year={year}", r => r["recipients"]!.GetValue<int>() == recipients);
        report["amount"]!.GetValue<decimal>().ShouldBe(amount);
    }

    [Fact]
    public async Task The_recipients_report_shows_the_published_regencies_of_2022_and_2023()
    {
        var total = Published.Regencies.Values.Sum();
        var report = await ReportAsync("/api/funding/reports/recipients?groupBy=year,regency", r => r["recipients"]!.GetValue<int>() == total);
        var byRegency = report["rows"]!.AsArray()
            .Where(r => r!["year"]!.GetValue<int>() is 2022 or 2023)
            .GroupBy(r => r!["regencyCode"]!.GetValue<string>())
            .ToDictionary(g => g.Key, g => g.Sum(r => r!["recipients"]!.GetValue<int>()));
        byRegency.ShouldBe(Published.Regencies, ignoreOrder: true);

        var (regency, recipients, amount) = Published.Sarolangun2022;
        var sarolangun = report["rows"]!.AsArray().Single(r => r!["year"]!.GetValue<int>() == 2022 && r["regencyCode"]!.GetValue<string>() == regency)!;
        (sarolangun["recipients"]!.GetValue<int>(), sarolangun["amount"]!.GetValue<decimal>()).ShouldBe((recipients, amount));
    }

    [Fact]
    public async Task Progress_counts_each_year_against_its_programme_and_the_period_against_the_configured_RPJMD_target()
    {
        var total = Published.Regencies.Values.Sum();
        var progress = await ReportAsync("/api/funding/reports/progress", r => r["rpjmd"]!["recipients"]!.GetValue<int>() == total);
        progress["programmes"]!.AsArray().Select(p => (p!["year"]!.GetValue<int>(), p["recipients"]!.GetValue<int>(), p["targetRecipients"]!.GetValue<int>()))
            .ShouldBe([(2022, Published.Years[2022].Recipients, Published.Years[2022].Recipients), (2023, Published.Years[2023].Recipients, Published.Years[2023].Recipients), (2024, 0, Published.Target2024)]);
        progress["rpjmd"]!["targetRecipients"]!.GetValue<int>().ShouldBe(4_500);
    }

    [Fact]
    public async Task Past_grants_were_disbursed_and_visited()
    {
        var total = Published.Regencies.Values.Sum();
        var monitoring = await ReportAsync("/api/funding/reports/monitoring?year=2022", r => r["disbursed"]!.GetValue<int>() == Published.Years[2022].Recipients);
        monitoring["coverage"]!.GetValue<decimal>().ShouldBe(1m);
        (await ReportAsync("/api/funding/reports/monitoring", r => r["disbursed"]!.GetValue<int>() == total))["monitored"]!.GetValue<int>().ShouldBeLessThan(total);
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
        var niks = DemoSet.Generate().Batches.SelectMany(b => b.Applications).Select(a => new string([.. a.Request.Nik.Where(char.IsAsciiDigit)])).ToHashSet(StringComparer.Ordinal);
        var total = Published.Regencies.Values.Sum();
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
        (await DemoDataHost.LoadAsync(demo.Funding)).ShouldBe(new DemoDataState(DemoDataStatus.Skipped, 0, 0, 0));
        var again = _client;

        (await Api.GetAsync(again, "/api/funding/applications?pageSize=1"))["totalCount"]!.GetValue<long>().ShouldBe(Published.Regencies.Values.Sum());
        var programmes = await again.GetFromJsonAsync<JsonArray>("/api/funding/programmes", TestContext.Current.CancellationToken);
        programmes!.Select(p => (p!["year"]!.GetValue<int>(), p["decreed"]!["recipients"]!.GetValue<int>()))
            .ShouldBe([(2022, Published.Years[2022].Recipients), (2023, Published.Years[2023].Recipients), (2024, 0)], ignoreOrder: true);
    }

    /// <summary>Reports are kept by the async daemon: waits until the report has caught up with the load.</summary>
    private Task<JsonObject> ReportAsync(string url, Func<JsonObject, bool> caughtUp) =>
        Eventually.ValueAsync(async () => await Api.GetAsync(_client, url) is var report && caughtUp(report) ? report : null, url, DemoDataHost.LoadTimeout);
}
