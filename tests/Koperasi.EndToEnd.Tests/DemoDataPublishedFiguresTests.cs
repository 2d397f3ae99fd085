using System.Text.Json;
using System.Text.Json.Nodes;
using Koperasi.Registry.Tests.Demo;

namespace Koperasi.EndToEnd.Tests;

/// <summary>
/// The full demo data set, loaded once for the class by the tools as ./run.sh loads it (<see cref="FullDemo"/>:
/// the Registry's set and the Transformation's 2018 batch), answers every published figure
/// (shared/data/published-figures.md, read by <see cref="PublishedFigures"/>) through the API, by the
/// calls docs/registry.md lists. The Registry's own demo tests (Koperasi.Registry.Tests/Demo) run on
/// the scaled-down set.
/// </summary>
public sealed partial class Demo2018BatchTests
{
    [Fact]
    public async Task The_full_demo_set_gives_the_published_figures()
    {
        // The Registry's set is the register of the other published figures (5053 koperasi) and the 2018 batch's approved.
        var approved = PublishedFigures.DissolutionBatch2018().Approved;
        demo.RegistryOutput.ShouldContain($"{5053 + approved} koperasi registered, 0 rejected");
        Apart2018("").ShouldBe(5053);
        Apart2018("hasNikKoperasi=true").ShouldBe(629);
        Apart2018("supervisionLevel=provinsi").ShouldBe(232);
        Apart2018("supervisionLevel=provinsi&activity=aktif").ShouldBe(216);
        Apart2018("type=produsen").ShouldBe(1318);

        // The supervision figures, expected as the test's data file copies them from the publication.
        var supervision = PublishedSupervisionFigures.Load();
        (await Api.GetAsync(Client, $"/api/registry/supervision/kdmp-coverage?on={supervision.KdmpFormedBy:yyyy-MM-dd}"))["desaWithKdmp"]!.GetValue<int>().ShouldBe(supervision.Kdmp);
        (await Api.GetAsync(Client, $"/api/registry/supervision/valid-nik-koperasi?on={supervision.ValidNikKoperasiOn:yyyy-MM-dd}"))["holders"]!.GetValue<int>().ShouldBe(supervision.ValidNikKoperasi);
        (await StatisticsAsync($"asOf={supervision.KdmpFormedBy:yyyy-MM-dd}"))["supervision"]!["desaWithKdmp"]!.GetValue<int>().ShouldBe(supervision.Kdmp);
        (await StatisticsAsync($"asOf={supervision.ValidNikKoperasiOn:yyyy-MM-dd}"))["supervision"]!["validNikKoperasi"]!.GetValue<int>().ShouldBe(supervision.ValidNikKoperasi);
    }

    /// <summary>The demo gives the early warning work: Merangin's list (the walkthrough's pembina) is not empty today.</summary>
    [Fact]
    public async Task The_early_warning_of_a_regency_is_not_empty_on_the_demo()
    {
        var warning = await Api.GetAsync(Client, "/api/registry/supervision/early-warning?regency=1502");
        var koperasi = warning["koperasi"]!.AsArray();
        koperasi.ShouldNotBeEmpty();
        koperasi.ShouldAllBe(k => Api.Text(k!["regencyCode"]) == "1502" && k["yearsMissed"]!.AsArray().Count > 0);
    }

    [Fact]
    public async Task The_statistics_give_the_figures_of_29_August_2025()
    {
        var published = PublishedFigures.LatestFigures();
        var on = $"asOf={published.AsOf:yyyy-MM-dd}";

        var byActivity = await StatisticsAsync($"{on}&groupBy=activity");
        (Total(byActivity), Aktif(byActivity), TidakAktif(byActivity)).ShouldBe((published.Total, published.Aktif, published.TidakAktif));
        Count(await StatisticsAsync($"{on}&groupBy=type"), ("type", "produsen")).ShouldBe(published.Produsen);

        var provincialActivity = await StatisticsAsync($"{on}&groupBy=supervisionLevel,activity");
        Count(provincialActivity, ("supervisionLevel", "provinsi"), ("activity", "aktif")).ShouldBe(published.ProvincialAktif);
        Count(provincialActivity, ("supervisionLevel", "provinsi"), ("activity", "tidak-aktif")).ShouldBe(published.ProvincialTidakAktif);
        Count(provincialActivity, ("supervisionLevel", "provinsi")).ShouldBe(published.Provincial);

        // By type the KDMP counts with the konsumen (the demo's KDMP are koperasi konsumen); apart from it with groupBy kdmp below.
        var provincialTypes = await StatisticsAsync($"{on}&groupBy=supervisionLevel,type");
        foreach (var (type, count) in published.ProvincialTypes)
        {
            Count(provincialTypes, ("supervisionLevel", "provinsi"), ("type", type)).ShouldBe(type == "konsumen" ? count + published.ProvincialKdmp : count, type);
        }
    }

    [Fact]
    public async Task The_statistics_give_the_earlier_published_figures()
    {
        foreach (var published in PublishedFigures.EarlierSnapshots())
        {
            var on = $"asOf={published.AsOf:yyyy-MM-dd}";
            var byActivity = await StatisticsAsync($"{on}&groupBy=activity");
            (Total(byActivity), Aktif(byActivity), TidakAktif(byActivity)).ShouldBe((published.Registered, published.Aktif, published.TidakAktif), on);
            var byType = await StatisticsAsync($"{on}&groupBy=type");
            foreach (var (type, count) in published.Types)
            {
                Count(byType, ("type", type)).ShouldBe(count, $"{type} on {published.AsOf}");
            }
        }
    }

    /// <summary>Needs the member totals of the statistics (issue 13, "asof" part): passes once they are merged.</summary>
    [Fact]
    public async Task The_statistics_give_the_published_members()
    {
        foreach (var published in PublishedFigures.EarlierSnapshots().Where(s => s.Members is not null))
        {
            var statistics = await StatisticsAsync($"asOf={published.AsOf:yyyy-MM-dd}&groupBy=activity");
            statistics["members"].ShouldNotBeNull("the statistics carry a member total");
            statistics["members"]!.GetValue<long>().ShouldBe(published.Members!.Value, $"members on {published.AsOf}");
            StatisticsRows(statistics).Sum(r => r["members"]!.GetValue<long>()).ShouldBe(published.Members.Value);
        }
    }

    /// <summary>Needs the groupBy dimensions kdmp and nikKoperasi (issue 13, "asof" part): passes once they are merged.</summary>
    [Fact]
    public async Task The_statistics_give_the_provincial_KDMP_and_the_NIK_koperasi_by_their_dimensions()
    {
        var published = PublishedFigures.LatestFigures();
        var on = $"asOf={published.AsOf:yyyy-MM-dd}";
        var kdmp = await StatisticsAsync($"{on}&groupBy=supervisionLevel,kdmp");
        Count(kdmp, ("supervisionLevel", "provinsi"), ("kdmp", true)).ShouldBe(published.ProvincialKdmp);

        var provincialTypes = await StatisticsAsync($"{on}&groupBy=supervisionLevel,type,kdmp");
        foreach (var (type, count) in published.ProvincialTypes)
        {
            Count(provincialTypes, ("supervisionLevel", "provinsi"), ("type", type), ("kdmp", false)).ShouldBe(count, type);
        }

        Count(await StatisticsAsync($"{on}&groupBy=nikKoperasi"), ("nikKoperasi", true)).ShouldBe(published.NikKoperasi);
        var supervision = PublishedSupervisionFigures.Load();
        Count(await StatisticsAsync($"asOf={supervision.KdmpFormedBy:yyyy-MM-dd}&groupBy=kdmp"), ("kdmp", true)).ShouldBe(supervision.Kdmp);
    }

    /// <summary>
    /// The koperasi of the list filter once the demo was loaded, apart from those the 2018 batch
    /// dissolved (dissolved since the fixture counted the dissolved before the batch). The fixture read
    /// both before any test ran, as the reference subscriber's test adds koperasi to the register.
    /// </summary>
    private long Apart2018(string filter) => demo.CountBy[filter] - (demo.DissolvedBy[filter] - demo.DissolvedBeforeBy[filter]);

    /// <summary>The list filters of the published figures counted on the register (DissolvedBeforeBy of <see cref="FullDemo"/>).</summary>
    internal static readonly string[] RegisterFilters = ["", "hasNikKoperasi=true", "supervisionLevel=provinsi", "supervisionLevel=provinsi&activity=aktif", "type=produsen"];

    private Task<JsonObject> StatisticsAsync(string query) => Api.GetAsync(Client, $"/api/registry/statistics?{query}");

    private static long Total(JsonObject statistics) => statistics["total"]!.GetValue<long>();

    private static long Aktif(JsonObject statistics) => statistics["aktif"]!.GetValue<long>();

    private static long TidakAktif(JsonObject statistics) => statistics["tidakAktif"]!.GetValue<long>();

    private static IEnumerable<JsonNode> StatisticsRows(JsonObject statistics) => statistics["rows"]!.AsArray().Select(r => r!);

    /// <summary>The koperasi of the rows whose dimensions have the values given (a string or a bool).</summary>
    private static long Count(JsonObject statistics, params (string Dimension, object Value)[] where) =>
        StatisticsRows(statistics)
            .Where(r => where.All(w => r[w.Dimension] is JsonValue value && Is(value, w.Value)))
            .Sum(r => r["count"]!.GetValue<long>());

    private static bool Is(JsonValue value, object expected) => (value.GetValueKind(), expected) switch
    {
        (JsonValueKind.True or JsonValueKind.False, bool b) => value.GetValue<bool>() == b,
        (JsonValueKind.String, string s) => value.GetValue<string>() == s,
        _ => false,
    };
}
