using System.Net;
using System.Text.Json.Nodes;
using Koperasi.Registry.Cooperatives;
using Koperasi.Registry.Statistics;
using Koperasi.Registry.Supervision;
using Koperasi.ServiceDefaults.Time;
using Koperasi.Testing;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Koperasi.Registry.Tests.Http;

/// <summary>
/// The statistics on a business date as the register knew them at a moment (knownOn), and the
/// dimensions and member totals the province publishes. The host's clock runs a little ahead of the
/// real one, because the events' recorded time is the database's.
/// </summary>
public sealed class StatisticsAsOfTests : IAsyncLifetime
{
    private readonly IsolatedRegistryHost _registry = new("statistics-asof", DateTimeOffset.UtcNow.AddMinutes(10));
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        await _registry.InitializeAsync();
        _client = _registry.CreateClient();
    }

    public ValueTask DisposeAsync() => _registry.DisposeAsync();

    private Task<JsonObject> Statistics(string query) => Api.GetAsync(_client, $"/api/registry/statistics?{query}");

    private static string Moment(DateTimeOffset moment) => Uri.EscapeDataString(moment.ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task A_late_rat_recorded_after_knownOn_does_not_change_the_answer_known_then()
    {
        var registration = Api.Registration(regency: "1501", decreeDate: "2015-01-05");
        var koperasi = await Api.RegisterAsync(_client, registration);
        await Eventually.UntilAsync(async () => (await Statistics("asOf=2025-08-29"))["total"]!.GetValue<long>() == 1, "the registration projected");
        await Task.Delay(TimeSpan.FromSeconds(1));
        var knownOn = DateTimeOffset.UtcNow;
        await Task.Delay(TimeSpan.FromSeconds(1));
        var query = $"asOf=2025-08-29&knownOn={Moment(knownOn)}&groupBy=regency,activity";
        var before = await Statistics(query);
        before["members"]!.GetValue<long>().ShouldBe(35);
        before["tidakAktif"]!.GetValue<long>().ShouldBe(1);

        // The RAT of 2024, held in March 2025, entered only now: a fact about the past.
        using var rat = await Api.ReportRatAsync(_client, koperasi["id"]!, Api.Rat(2024, "2025-03-01", present: 30, total: 50), koperasi["version"]);
        rat.StatusCode.ShouldBe(HttpStatusCode.Created, await rat.Content.ReadAsStringAsync());
        var now = await Eventually.ValueAsync(
            async () => await Statistics("asOf=2025-08-29&groupBy=regency,activity") is { } s && s["members"]!.GetValue<long>() == 50 ? s : null, "the late RAT projected");
        now["aktif"]!.GetValue<long>().ShouldBe(1);
        now["rows"]!.AsArray().ShouldContain(r => r!["regencyCode"]!.GetValue<string>() == "1501" && r["activity"]!.GetValue<string>() == "aktif" && r["members"]!.GetValue<long>() == 50);

        var after = await Statistics(query);
        after.ToJsonString().ShouldBe(before.ToJsonString());
        var table = await Api.GetAsync(_client, $"/api/registry/statistics/regencies?asOf=2025-08-29&knownOn={Moment(knownOn)}");
        table["tidakAktif"]!.GetValue<long>().ShouldBe(1);
        table["aktif"]!.GetValue<long>().ShouldBe(0);
    }

    [Fact]
    public async Task Supervision_facts_recorded_after_knownOn_do_not_change_the_supervision_figures_known_then()
    {
        var holder = await Api.RegisterAsync(_client, Api.Registration(regency: "1571", decreeDate: "2015-01-05"));
        var kdmp = await Api.RegisterAsync(_client, Api.Registration(regency: "1571", decreeDate: "2016-01-05"));
        await Eventually.UntilAsync(async () => (await Statistics("asOf=2025-08-29"))["total"]!.GetValue<long>() == 2, "the registrations projected");
        await Task.Delay(TimeSpan.FromSeconds(1));
        var knownOn = DateTimeOffset.UtcNow;
        await Task.Delay(TimeSpan.FromSeconds(1));
        var query = $"asOf=2025-08-29&knownOn={Moment(knownOn)}";
        var before = await Statistics(query);
        Supervision(before).ShouldBe((0, 0, 0));

        // Recorded only now: a NIK koperasi issued in February 2025, a KDMP marked in July 2025.
        var store = _registry.Services.GetRequiredService<IDocumentStore>();
        var holderId = Guid.Parse(holder["id"]!.GetValue<string>());
        var kdmpId = Guid.Parse(kdmp["id"]!.GetValue<string>());
        await using (var session = store.LightweightSession())
        {
            session.Events.Append(holderId, new DetailsChanged(holderId, null, null, null, null, new NikKoperasi("1571010000002", new DateOnly(2025, 2, 1))));
            session.Events.Append(kdmpId, new KdmpMarked(kdmpId, "15.71.02.1001", "15.71.02", "1571", new DateOnly(2025, 7, 1)));
            await session.SaveChangesAsync();
        }

        var now = await Eventually.ValueAsync(
            async () => await Statistics("asOf=2025-08-29") is { } s && Supervision(s) == (1, 1, 1) ? s : null, "the supervision facts projected");
        now["supervision"]!["allDesa"]!.GetValue<int>().ShouldBeGreaterThan(1);
        (await Api.GetAsync(_client, "/api/registry/supervision/valid-nik-koperasi?on=2025-08-29"))["holders"]!.GetValue<int>().ShouldBe(1);

        var after = await Statistics(query);
        Supervision(after).ShouldBe((0, 0, 0));
        after.ToJsonString().ShouldBe(before.ToJsonString());
    }

    /// <summary>The valid NIK koperasi, the desa with a KDMP, and those of Kota Jambi (1571), from the statistics' supervision part.</summary>
    private static (int ValidNik, int DesaWithKdmp, int KotaJambi) Supervision(JsonObject statistics)
    {
        var supervision = statistics["supervision"]!;
        return (
            supervision["validNikKoperasi"]!.GetValue<int>(),
            supervision["desaWithKdmp"]!.GetValue<int>(),
            supervision["kdmpCoverage"]!.AsArray().Single(r => r!["code"]!.GetValue<string>() == "1571")!["desaWithKdmp"]!.GetValue<int>());
    }

    [Fact]
    public async Task Both_ways_of_counting_as_known_at_a_moment_give_the_same_cells_and_the_cheaper_side_is_taken()
    {
        var store = _registry.Services.GetRequiredService<IDocumentStore>();
        var day = new DateOnly(2025, 8, 29);
        var moments = new List<DateTimeOffset> { DateTimeOffset.UtcNow.AddMinutes(-1) };
        var first = await Api.RegisterAsync(_client, Api.Registration(regency: "1501", decreeDate: "2015-01-05"));
        await Api.RegisterAsync(_client, Api.Registration(regency: "1502", decreeDate: "2019-03-01"));
        await Eventually.UntilAsync(async () => (await Statistics("asOf=2025-08-29"))["total"]!.GetValue<long>() == 2, "the registrations projected");
        await Task.Delay(TimeSpan.FromSeconds(1));
        moments.Add(DateTimeOffset.UtcNow);
        await Task.Delay(TimeSpan.FromSeconds(1));
        using var rat = await Api.ReportRatAsync(_client, first["id"]!, Api.Rat(2024, "2025-03-01", present: 30, total: 50), first["version"]);
        rat.StatusCode.ShouldBe(HttpStatusCode.Created, await rat.Content.ReadAsStringAsync());
        await Api.RegisterAsync(_client, Api.Registration(regency: "1571", decreeDate: "2024-06-01"));
        await Eventually.UntilAsync(async () => (await Statistics("asOf=2025-08-29"))["members"]!.GetValue<long>() == 120, "the RAT and the third registration projected");
        moments.Add(DateTimeOffset.UtcNow);

        var totals = new List<long>();
        foreach (var moment in moments)
        {
            var less = await StatisticsCells.OnAsync(store, day, moment, StatisticsCells.KnownOnWay.LessLaterChanges, TestContext.Current.CancellationToken);
            var upTo = await StatisticsCells.OnAsync(store, day, moment, StatisticsCells.KnownOnWay.ChangesUpToTheMoment, TestContext.Current.CancellationToken);
            upTo.OrderBy(c => c.ToString(), StringComparer.Ordinal).ShouldBe(less.OrderBy(c => c.ToString(), StringComparer.Ordinal), $"known at {moment:O}");
            (await StatisticsCells.OnAsync(store, day, moment, TestContext.Current.CancellationToken)).Sum(c => c.Count).ShouldBe(less.Sum(c => c.Count));
            totals.Add(less.Sum(c => c.Count));
        }

        totals.ShouldBe([0, 2, 3]);
        StatisticsCells.Cheaper(recordedAfter: 900, recordedUpTo: 10).ShouldBe(StatisticsCells.KnownOnWay.ChangesUpToTheMoment);
        StatisticsCells.Cheaper(recordedAfter: 10, recordedUpTo: 900).ShouldBe(StatisticsCells.KnownOnWay.LessLaterChanges);
        StatisticsCells.Cheaper(recordedAfter: 10, recordedUpTo: 10).ShouldBe(StatisticsCells.KnownOnWay.LessLaterChanges);
    }

    [Fact]
    public async Task A_date_alone_as_knownOn_is_the_end_of_that_day_in_Jambi()
    {
        await Api.RegisterAsync(_client, Api.Registration(regency: "1504", decreeDate: "2015-01-05"));
        await Eventually.UntilAsync(async () => (await Statistics("asOf=2025-08-29"))["total"]!.GetValue<long>() == 1, "the registration projected");
        var today = _registry.Clock.Today();

        (await Statistics($"asOf=2025-08-29&knownOn={today.AddDays(-1):yyyy-MM-dd}"))["total"]!.GetValue<long>().ShouldBe(0);
        (await Statistics($"asOf=2025-08-29&knownOn={today:yyyy-MM-dd}"))["total"]!.GetValue<long>().ShouldBe(1);
    }

    [Theory]
    [InlineData("knownOn=kemarin", "knownOn")]
    [InlineData("knownOn=2026-08-01T10:00:00", "knownOn")]
    [InlineData("knownOn=2099-01-01", "knownOn")]
    [InlineData("knownOn=2099-01-01T10:00:00%2B07:00", "knownOn")]
    [InlineData("groupBy=kecamatan,desa", "groupBy")]
    public async Task A_bad_knownOn_or_dimension_answers_400_naming_it(string query, string field)
    {
        foreach (var path in new[] { "/api/registry/statistics", "/api/registry/statistics/regencies" }.Where(p => field == "knownOn" || p.EndsWith("statistics", StringComparison.Ordinal)))
        {
            using var response = await _client.GetAsync(new Uri($"{path}?{query}", UriKind.Relative));
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            Api.FieldsOf(await Api.ProblemAsync(response)).ShouldContain(field);
        }
    }

    [Fact]
    public async Task The_register_counts_by_kecamatan_legal_status_nik_koperasi_and_kdmp_with_member_totals()
    {
        var first = await Api.RegisterAsync(_client, Api.Registration(regency: "1571", decreeDate: "2015-01-05"));
        var second = Api.Registration(regency: "1571", decreeDate: "2016-01-05");
        second["memberCount"] = 40;
        var kdmp = await Api.RegisterAsync(_client, second);
        var dissolved = await Api.RegisterAsync(_client, Api.Registration(regency: "1571", decreeDate: "2017-01-05"));

        var store = _registry.Services.GetRequiredService<IDocumentStore>();
        await using (var session = store.LightweightSession())
        {
            session.Events.Append(Guid.Parse(first["id"]!.GetValue<string>()), new DetailsChanged(Guid.Parse(first["id"]!.GetValue<string>()), null, null, null, null, new NikKoperasi("1571010000001", new DateOnly(2025, 2, 1))));
            session.Events.Append(Guid.Parse(kdmp["id"]!.GetValue<string>()), new KdmpMarked(Guid.Parse(kdmp["id"]!.GetValue<string>()), "15.71.02.1001", "15.71.02", "1571", new DateOnly(2025, 7, 1)));
            session.Events.Append(Guid.Parse(dissolved["id"]!.GetValue<string>()), new DissolutionRecorded(Guid.Parse(dissolved["id"]!.GetValue<string>()), DissolutionReason.Government, new DateOnly(2025, 3, 1), null, Guid.NewGuid(), false));
            await session.SaveChangesAsync();
        }

        var byStatus = await Eventually.ValueAsync(
            async () => await Statistics("asOf=2025-08-29&groupBy=legalStatus") is { } s && s["rows"]!.AsArray().Any(r => r!["legalStatus"]!.GetValue<string>() == "dissolved") ? s : null,
            "the dissolution projected");
        Row(byStatus, "legalStatus", "existing")["count"]!.GetValue<long>().ShouldBe(2);
        Row(byStatus, "legalStatus", "existing")["members"]!.GetValue<long>().ShouldBe(75);
        Row(byStatus, "legalStatus", "dissolved")["count"]!.GetValue<long>().ShouldBe(1);
        byStatus["total"]!.GetValue<long>().ShouldBe(3);

        var plain = await Statistics("asOf=2025-08-29&groupBy=regency");
        (plain["total"]!.GetValue<long>(), plain["members"]!.GetValue<long>()).ShouldBe((2, 75));
        (await Statistics("asOf=2025-02-28&groupBy=legalStatus"))["rows"]!.AsArray().ShouldHaveSingleItem()!["count"]!.GetValue<long>().ShouldBe(3);

        var byKecamatan = await Statistics("asOf=2025-08-29&groupBy=kecamatan");
        var kecamatan = byKecamatan["rows"]!.AsArray().ShouldHaveSingleItem()!;
        (kecamatan["kecamatanCode"]!.GetValue<string>(), kecamatan["kecamatanName"]!.GetValue<string>(), kecamatan["count"]!.GetValue<long>()).ShouldBe(("15.71.02", "Jambi Selatan", 2));

        var byNik = await Statistics("asOf=2025-08-29&groupBy=nikKoperasi");
        Row(byNik, "nikKoperasi", true)["count"]!.GetValue<long>().ShouldBe(1);
        Row(byNik, "nikKoperasi", false)["count"]!.GetValue<long>().ShouldBe(1);
        (await Statistics("asOf=2026-02-01&groupBy=nikKoperasi"))["rows"]!.AsArray().ShouldAllBe(r => r!["nikKoperasi"]!.GetValue<bool>() == false);

        var byKdmp = await Statistics("asOf=2025-08-29&groupBy=regency,kdmp");
        Row(byKdmp, "kdmp", true)["count"]!.GetValue<long>().ShouldBe(1);
        Row(byKdmp, "kdmp", true)["members"]!.GetValue<long>().ShouldBe(40);
        (await Statistics("asOf=2025-06-30&groupBy=kdmp"))["rows"]!.AsArray().ShouldAllBe(r => r!["kdmp"]!.GetValue<bool>() == false);
    }

    private static JsonNode Row<T>(JsonObject statistics, string field, T value) =>
        statistics["rows"]!.AsArray().Single(r => Equals(r![field]!.GetValue<T>(), value))!;
}
