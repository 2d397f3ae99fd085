using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koperasi.Testing;

namespace Koperasi.Funding.Tests.Reports;

/// <summary>
/// The reports add up what the events say (decreed, withdrawn, disbursed, monitored) per year,
/// regency, kecamatan and category, against the programmes' targets and the RPJMD's, and stay
/// the same after an applicant is erased.
/// </summary>
public sealed class ReportTests : IAsyncLifetime
{
    private readonly IsolatedFundingHost _funding = new("reports");
    private HttpClient _admin = null!;

    public async ValueTask InitializeAsync()
    {
        _funding.With("Reports:RpjmdTarget", "10").With("Reports:RpjmdFirstYear", "2022").With("Reports:RpjmdLastYear", "2023");
        await _funding.InitializeAsync();
        _admin = _funding.CreateClient();
    }

    public async ValueTask DisposeAsync() => await _funding.DisposeAsync();

    private async Task<string> ProgrammeAsync(int year, int target)
    {
        var body = Api.Programme(year: year, budget: 500_000_000);
        body["targetRecipients"] = target;
        return Api.Id(await Api.OpenProgrammeAsync(_admin, body));
    }

    private async Task DecreeAsync(string programmeId, IEnumerable<Guid> applications)
    {
        using var response = await IfMatch.PostAsync(_admin, $"/api/funding/programmes/{programmeId}/decree-batches", Api.Batch([.. applications.Select(a => a.ToString())]));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private Task<JsonObject> ReportWhenAsync(string url, Func<JsonObject, bool> caughtUp) =>
        Eventually.ValueAsync(async () => await Api.GetAsync(_admin, url) is var report && caughtUp(report) ? report : null, url);

    [Fact]
    public async Task Recipients_amounts_progress_and_monitoring_coverage_follow_the_events()
    {
        var y2022 = await ProgrammeAsync(2022, 4);
        var y2023 = await ProgrammeAsync(2023, 10);
        var pelawan = await Seed.EligibleAsync(_funding.Services, y2022, 2, "1503", "Pelawan", "wirausaha-pemula");
        var makMak = await Seed.EligibleAsync(_funding.Services, y2022, 1, "1503", "Pelawan", "mak-mak");
        var telanaipura = await Seed.EligibleAsync(_funding.Services, y2022, 1, "1571", "Telanaipura", "milenial");
        var later = await Seed.EligibleAsync(_funding.Services, y2023, 3, "1571", "Telanaipura", "mak-mak");
        await DecreeAsync(y2022, [.. pelawan, .. makMak, .. telanaipura]);
        await DecreeAsync(y2023, later);
        await Api.StepAsync(_admin, later[2].ToString(), "cancellation", new JsonObject { ["reason"] = "Mengundurkan diri" });
        await Disbursements.PayAsync(_admin, pelawan[0].ToString());
        await Disbursements.PayAsync(_admin, pelawan[1].ToString());
        await Api.StepAsync(_admin, pelawan[0].ToString(), "monitoring-visits", Api.Visit());
        await Api.StepAsync(_admin, pelawan[0].ToString(), "monitoring-visits", Api.Visit());

        var monitoring = await ReportWhenAsync("/api/funding/reports/monitoring", r => r["monitored"]!.GetValue<int>() == 1);
        (monitoring["disbursed"]!.GetValue<int>(), monitoring["coverage"]!.GetValue<decimal>()).ShouldBe((2, 0.5m));

        var recipients = await ReportWhenAsync("/api/funding/reports/recipients?groupBy=year,regency,kecamatan,category", r => r["recipients"]!.GetValue<int>() == 6);
        recipients["amount"]!.GetValue<decimal>().ShouldBe(2 * 20_000_000m + 10_000_000m + 20_000_000m + 2 * 10_000_000m);
        recipients["rows"]!.AsArray().Select(r => $"{r!["year"]} {r["regencyCode"]} {r["kecamatan"]} {r["category"]} {r["recipients"]} {r["amount"]}").ShouldBe(
        [
            "2022 1503 Pelawan mak-mak 1 10000000",
            "2022 1503 Pelawan wirausaha-pemula 2 40000000",
            "2022 1571 Telanaipura milenial 1 20000000",
            "2023 1571 Telanaipura mak-mak 2 20000000",
        ]);

        var byRegency = await Api.GetAsync(_admin, "/api/funding/reports/recipients?year=2022&groupBy=regency");
        byRegency["rows"]!.AsArray().Select(r => (r!["regencyName"]!.GetValue<string>(), r["recipients"]!.GetValue<int>())).ShouldBe([("Sarolangun", 3), ("Kota Jambi", 1)]);

        var progress = await Api.GetAsync(_admin, "/api/funding/reports/progress");
        progress["programmes"]!.AsArray().Select(p => (p!["year"]!.GetValue<int>(), p["recipients"]!.GetValue<int>(), p["targetShare"]!.GetValue<decimal>()))
            .ShouldBe([(2022, 4, 1m), (2023, 2, 0.2m)]);
        (progress["rpjmd"]!["recipients"]!.GetValue<int>(), progress["rpjmd"]!["targetRecipients"]!.GetValue<int>(), progress["rpjmd"]!["targetShare"]!.GetValue<decimal>())
            .ShouldBe((6, 10, 0.6m));
    }

    [Fact]
    public async Task Erasing_a_recipient_leaves_every_report_as_it_was()
    {
        var programmeId = await ProgrammeAsync(2022, 4);
        var application = await Api.EligibleAsync(_admin, Api.Application(programmeId));
        await DecreeAsync(programmeId, [Guid.Parse(application)]);
        var before = await ReportWhenAsync("/api/funding/reports/recipients?groupBy=year,regency,kecamatan,category", r => r["recipients"]!.GetValue<int>() == 1);
        var applicantId = (await Api.GetAsync(_admin, $"/api/funding/applications/{application}"))["applicant"]!["id"]!.GetValue<string>();

        using var erased = await _admin.PostAsJsonAsync($"/api/funding/applicants/{applicantId}/erasure", new JsonObject { ["reason"] = "Permintaan pemohon" });
        erased.StatusCode.ShouldBe(HttpStatusCode.OK);

        var after = await Api.GetAsync(_admin, "/api/funding/reports/recipients?groupBy=year,regency,kecamatan,category");
        after.ToJsonString().ShouldBe(before.ToJsonString());
        (await Api.GetAsync(_admin, $"/api/funding/programmes/{programmeId}"))["decreed"]!["recipients"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task Unknown_groupings_and_years_answer_400()
    {
        using var grouping = await _admin.GetAsync(new Uri("/api/funding/reports/recipients?groupBy=village", UriKind.Relative));
        grouping.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var year = await _admin.GetAsync(new Uri("/api/funding/reports/monitoring?year=99", UriKind.Relative));
        year.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var notANumber = await _admin.GetAsync(new Uri("/api/funding/reports/recipients?year=dua-ribu", UriKind.Relative));
        notANumber.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
