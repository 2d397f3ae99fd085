using System.Net;
using System.Text.Json.Nodes;
using Koperasi.Registry.Statistics;
using Koperasi.Testing;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Koperasi.Registry.Tests.Http;

/// <summary>Counts on any date come from the events' own dates and stay right after later events.</summary>
public sealed class StatisticsEndpointTests : IAsyncLifetime
{
    private readonly IsolatedRegistryHost _registry = new("statistics", new DateTimeOffset(2026, 11, 22, 3, 0, 0, TimeSpan.Zero));
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        await _registry.InitializeAsync();
        _client = _registry.CreateClient();
    }

    public ValueTask DisposeAsync() => _registry.DisposeAsync();

    private Task<JsonObject> Statistics(string query) => Api.GetAsync(_client, $"/api/registry/statistics?{query}");

    private Task<JsonObject> WaitForTotal(long total) =>
        Eventually.ValueAsync(async () => await Statistics("") is { } s && s["total"]!.GetValue<long>() == total ? s : null, $"statistics total {total}");

    [Fact]
    public async Task Statistics_for_a_past_date_stay_right_after_later_events()
    {
        var kerinci = await Api.RegisterAsync(_client, Api.Registration(regency: "1501", decreeDate: "2012-03-05", rats: Api.Rat(2021, "2022-03-01")));
        await Api.RegisterAsync(_client, Api.Registration(regency: "1501", decreeDate: "2022-09-09", rats: Api.Rat(2024, "2025-04-01")));
        await Api.RegisterAsync(_client, Api.Registration(regency: "1571", decreeDate: "2001-01-15"));
        await WaitForTotal(3);
        var before = await Statistics("asOf=2024-12-31&groupBy=regency,activity");
        before["total"]!.GetValue<long>().ShouldBe(3);
        before["aktif"]!.GetValue<long>().ShouldBe(2);
        before["tidakAktif"]!.GetValue<long>().ShouldBe(1);

        // Later events: a RAT that makes one aktif again, a registration founded after the date.
        using var rat = await Api.ReportRatAsync(_client, kerinci["id"]!, Api.Rat(2025, "2026-02-02"), kerinci["version"]);
        rat.StatusCode.ShouldBe(HttpStatusCode.Created);
        await Api.RegisterAsync(_client, Api.Registration(regency: "1571", decreeDate: "2025-06-01"));
        await Eventually.UntilAsync(async () => (await Statistics(""))["aktif"]!.GetValue<long>() == 3, "the later events projected");

        var after = await Statistics("asOf=2024-12-31&groupBy=regency,activity");
        after.ToJsonString().ShouldBe(before.ToJsonString());
    }

    [Fact]
    public async Task The_register_counts_by_any_dimension_and_per_regency()
    {
        var produsen = Api.Registration(regency: "1509", decreeDate: "2023-01-01");
        produsen["type"] = "produsen";
        var sekunder = Api.Registration(regency: "1509", decreeDate: "2023-01-01");
        (sekunder["form"], sekunder["foundingMembers"]) = ("sekunder", 4);
        await Api.RegisterAsync(_client, produsen);
        await Api.RegisterAsync(_client, sekunder);
        var bungo = await Eventually.ValueAsync(
            async () => (await Api.GetAsync(_client, "/api/registry/statistics/regencies"))["rows"]!.AsArray()
                .FirstOrDefault(r => r!["regencyCode"]!.GetValue<string>() == "1509" && r["total"]!.GetValue<long>() == 2),
            "Bungo counted");

        bungo["regencyName"]!.GetValue<string>().ShouldBe("Bungo");
        bungo["aktif"]!.GetValue<long>().ShouldBe(2);
        var byType = await Statistics("groupBy=regency&groupBy=type,form");
        byType["rows"]!.AsArray().ShouldContain(r => r!["regencyCode"]!.GetValue<string>() == "1509" && r["type"]!.GetValue<string>() == "produsen" && r["form"]!.GetValue<string>() == "primer" && r["count"]!.GetValue<long>() == 1);
        byType["rows"]!.AsArray().ShouldContain(r => r!["regencyCode"]!.GetValue<string>() == "1509" && r["type"]!.GetValue<string>() == "konsumen" && r["form"]!.GetValue<string>() == "sekunder" && r["count"]!.GetValue<long>() == 1);
    }

    [Fact]
    public async Task An_event_that_changes_no_count_leaves_the_stored_timeline_as_it_is()
    {
        var koperasi = await Api.RegisterAsync(_client, Api.Registration(regency: "1505", decreeDate: "2020-02-03", rats: Api.Rat(2023, "2024-03-01")));
        await WaitForTotal(1);
        var id = Guid.Parse(koperasi["id"]!.GetValue<string>());
        var (version, timeline) = await StoredTimelineAsync(id);

        // A RAT of a koperasi that is aktif already, stating no member count: no cell and no member total moves.
        using var rat = await Api.ReportRatAsync(_client, id, Api.Rat(2024, "2025-03-03"), koperasi["version"]);
        rat.StatusCode.ShouldBe(HttpStatusCode.Created);
        // A registration after it: once it is counted, the daemon has passed the RAT.
        var later = await Api.RegisterAsync(_client, Api.Registration(regency: "1505", decreeDate: "2021-05-06"));
        await WaitForTotal(2);

        var (versionAfter, timelineAfter) = await StoredTimelineAsync(id);
        versionAfter.ShouldBe(version);
        timelineAfter.ShouldBe(timeline);
        // The later koperasi's timeline, written by the projection's own statement, reads back as Marten's document.
        await using var session = _registry.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var written = await session.LoadAsync<StatisticsTimeline>(Guid.Parse(later["id"]!.GetValue<string>()), TestContext.Current.CancellationToken);
        written.ShouldNotBeNull().Classification.ShouldHaveSingleItem().RegencyCode.ShouldBe("1505");
    }

    /// <summary>The stored timeline of a koperasi: its document version (new on every write) and its JSON.</summary>
    private async Task<(Guid Version, string Data)> StoredTimelineAsync(Guid id)
    {
        await using var connection = _registry.Services.GetRequiredService<IDocumentStore>().Storage.Database.CreateConnection();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new Npgsql.NpgsqlCommand($"select mt_version, data::text from {_registry.Schema}.mt_doc_statistics_timeline where id = $1", connection);
        command.Parameters.AddWithValue(id);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        (await reader.ReadAsync(TestContext.Current.CancellationToken)).ShouldBeTrue($"the timeline of {id} is stored");
        return (reader.GetGuid(0), reader.GetString(1));
    }

    [Theory]
    [InlineData("asOf=kemarin", "asOf")]
    [InlineData("asOf=2030-01-01", "asOf")]
    [InlineData("groupBy=colour", "groupBy")]
    public async Task A_bad_query_answers_400_naming_it(string query, string field)
    {
        using var response = await _client.GetAsync(new Uri($"/api/registry/statistics?{query}", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        Api.FieldsOf(await Api.ProblemAsync(response)).ShouldContain(field);
    }
}
