using System.Net;
using System.Text.Json.Nodes;
using Koperasi.Registry.Cooperatives;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Koperasi.Registry.Tests.Http;

/// <summary>RAT compliance of a financial year, dissolutions per year and regency, and the register as a CSV file.</summary>
public sealed class ReportsTests : IAsyncLifetime
{
    private readonly IsolatedRegistryHost _registry = new("reports", new DateTimeOffset(2026, 11, 22, 3, 0, 0, TimeSpan.Zero));
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        await _registry.InitializeAsync();
        _client = _registry.CreateClient();
    }

    public ValueTask DisposeAsync() => _registry.DisposeAsync();

    [Fact]
    public async Task Rat_compliance_counts_on_time_late_and_none_per_regency_by_the_deadline()
    {
        await Api.RegisterAsync(_client, Api.Registration(regency: "1501", decreeDate: "2020-02-01", rats: Api.Rat(2024, "2025-06-30")));
        await Api.RegisterAsync(_client, Api.Registration(regency: "1501", decreeDate: "2020-02-01", rats: Api.Rat(2024, "2025-07-01")));
        await Api.RegisterAsync(_client, Api.Registration(regency: "1501", decreeDate: "2020-02-01", rats: Api.Rat(2023, "2024-03-01")));
        await Api.RegisterAsync(_client, Api.Registration(regency: "1571", decreeDate: "2025-02-01"));

        var report = await Api.GetAsync(_client, "/api/registry/reports/rat-compliance?financialYear=2024");
        report["deadline"]!.GetValue<string>().ShouldBe("2025-07-01");
        var kerinci = report["rows"]!.AsArray().Single(r => r!["regencyCode"]!.GetValue<string>() == "1501")!;
        (kerinci["koperasi"]!.GetValue<long>(), kerinci["onTime"]!.GetValue<long>(), kerinci["late"]!.GetValue<long>(), kerinci["none"]!.GetValue<long>()).ShouldBe((3, 1, 1, 1));
        report["rows"]!.AsArray().Single(r => r!["regencyCode"]!.GetValue<string>() == "1571")!["koperasi"]!.GetValue<long>().ShouldBe(0);
        report["koperasi"]!.GetValue<long>().ShouldBe(3);

        var next = await Api.GetAsync(_client, "/api/registry/reports/rat-compliance?financialYear=2025");
        (next["koperasi"]!.GetValue<long>(), next["none"]!.GetValue<long>()).ShouldBe((4, 4));
    }

    [Theory]
    [InlineData("/api/registry/reports/rat-compliance", "financialYear")]
    [InlineData("/api/registry/reports/rat-compliance?financialYear=1800", "financialYear")]
    [InlineData("/api/registry/reports/rat-compliance?financialYear=2099", "financialYear")]
    [InlineData("/api/registry/reports/dissolutions?from=2025&to=2020", "to")]
    [InlineData("/api/registry/reports/dissolutions?from=3000", "from")]
    [InlineData("/api/registry/cooperatives/export.csv?activity=sleeping", "activity")]
    public async Task A_bad_query_answers_400_naming_it(string url, string field)
    {
        using var response = await _client.GetAsync(new Uri(url, UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        Api.FieldsOf(await Api.ProblemAsync(response)).ShouldContain(field);
    }

    [Fact]
    public async Task Dissolutions_are_counted_per_year_and_regency_with_their_reasons()
    {
        var first = await Api.RegisterAsync(_client, Api.Registration(regency: "1571", decreeDate: "2015-01-05"));
        var second = await Api.RegisterAsync(_client, Api.Registration(regency: "1571", decreeDate: "2015-01-05"));
        await Api.RegisterAsync(_client, Api.Registration(regency: "1571", decreeDate: "2015-01-05"));
        var store = _registry.Services.GetRequiredService<IDocumentStore>();
        await using (var session = store.LightweightSession())
        {
            foreach (var (koperasi, on, reason) in new[] { (first, new DateOnly(2024, 5, 1), DissolutionReason.Government), (second, new DateOnly(2025, 3, 1), DissolutionReason.MembersMeeting) })
            {
                var id = Guid.Parse(koperasi["id"]!.GetValue<string>());
                session.Events.Append(id, new DissolutionRecorded(id, reason, on, null, Guid.NewGuid(), false));
            }

            await session.SaveChangesAsync();
        }

        var report = await Api.GetAsync(_client, "/api/registry/reports/dissolutions");
        report["total"]!.GetValue<long>().ShouldBe(2);
        var rows = report["rows"]!.AsArray();
        rows.Select(r => (r!["year"]!.GetValue<int>(), r["regencyCode"]!.GetValue<string>(), r["count"]!.GetValue<long>())).ShouldBe([(2024, "1571", 1L), (2025, "1571", 1L)]);
        rows[0]!["byReason"]!["government"]!.GetValue<long>().ShouldBe(1);
        rows[1]!["byReason"]!["members-meeting"]!.GetValue<long>().ShouldBe(1);
        (await Api.GetAsync(_client, "/api/registry/reports/dissolutions?from=2025"))["total"]!.GetValue<long>().ShouldBe(1);
    }

    [Fact]
    public async Task The_register_exports_as_csv_with_the_lists_filters_and_no_personal_data()
    {
        var withContact = Api.Registration(name: "Koperasi Ekspor Satu", regency: "1501", decreeDate: "2015-01-05");
        withContact["contact"] = new JsonObject { ["phone"] = "081234567890", ["email"] = "koperasi@example.org" };
        await Api.RegisterAsync(_client, withContact);
        await Api.RegisterAsync(_client, Api.Registration(name: "Koperasi Ekspor Dua", regency: "1571", decreeDate: "2016-01-05"));

        using var all = await _client.GetAsync(new Uri("/api/registry/cooperatives/export.csv", UriKind.Relative));
        all.StatusCode.ShouldBe(HttpStatusCode.OK);
        all.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var text = await all.Content.ReadAsStringAsync();
        var lines = text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldStartWith("id,name,form,type");
        lines.Length.ShouldBe(3);
        text.ShouldContain("Koperasi Ekspor Satu");
        text.ShouldContain("Koperasi Ekspor Dua");
        text.ShouldNotContain("081234567890");
        text.ShouldNotContain("Dewi Lestari");

        var kerinci = await _client.GetStringAsync(new Uri("/api/registry/cooperatives/export.csv?regency=15.01", UriKind.Relative));
        kerinci.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(2);
        kerinci.ShouldContain("Koperasi Ekspor Satu");
        kerinci.ShouldNotContain("Ekspor Dua");
    }
}
