using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koperasi.Registry.Activity;
using Koperasi.Registry.Cooperatives;
using Koperasi.Registry.Demo;
using Koperasi.ServiceDefaults.Identity;
using Koperasi.ServiceDefaults.Persistence;
using Koperasi.Testing;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Koperasi.Registry.Tests.Demo;

/// <summary>
/// The demo data set loaded by the tool (tools/Koperasi.Registry.DemoData) into a running
/// Registry's store, as ./run.sh runs it: the service's daemon relays the events and counts the
/// statistics, which know nothing of the demo. These tests check the load's rules on the same
/// generator's set scaled down to a tenth; Koperasi.EndToEnd.Tests' Demo2018BatchTests loads the full
/// set once and finds the published figures.
/// </summary>
public class DemoDataLoadTests
{
    internal static readonly DateTimeOffset Now = new(2026, 11, 22, 3, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan LoadTimeout = TimeSpan.FromMinutes(3);

    /// <summary>The published figures scaled down to about a tenth: every regency, every kind, a tenth of the rows.</summary>
    private static readonly DemoTargets Scaled = DemoTargets.Load().Scaled(10);

    [Fact]
    public void The_scaled_set_keeps_every_regency_and_kind_at_about_a_tenth()
    {
        var full = DemoTargets.Load();
        Scaled.Regencies.Select(r => r.Code).ShouldBe(full.Regencies.Select(r => r.Code));
        Scaled.Regencies.ShouldAllBe(r => r.Aktif > 0 && r.TidakAktif > 0);
        Scaled.Total.ShouldBeInRange(full.Total / 10, (full.Total / 10) + full.Regencies.Count * 2);
        Scaled.Provincial.Types.Sum(t => t.Count).ShouldBe(Scaled.Provincial.Aktif + Scaled.Provincial.TidakAktif - Scaled.Provincial.KoperasiDesaMerahPutih);
        Scaled.Provincial.Types.Select(t => t.Type).ShouldBe(full.Provincial.Types.Select(t => t.Type));
        Scaled.Provincial.Types.ShouldAllBe(t => t.Count > 0);
        DemoData.Generate(Scaled).Count.ShouldBe(Scaled.Total);
    }

    [Fact]
    public async Task An_empty_register_gets_the_set_once_and_its_statistics_answer_the_set_s_figures()
    {
        await using var registry = new IsolatedRegistryHost("demoscaled", Now);
        var client = registry.CreateClient();
        var reported = new List<DemoDataState>();
        var total = Scaled.Total;
        (await LoadAsync(registry, Scaled, new SynchronousProgress(reported.Add))).ShouldBe(new DemoDataState(DemoDataStatus.Loaded, total, 0, total));
        reported.ShouldNotBeEmpty();
        reported.Select(r => r.Registered).ShouldBeInOrder();
        reported[^1].Registered.ShouldBe(total);

        var expected = Table(Scaled);
        await PublishedTableAsync(client, $"?asOf={Scaled.AsOf:yyyy-MM-dd}", expected);
        (await PublishedTableAsync(client, "", expected))["asOf"]!.GetValue<string>().ShouldBe("2026-11-22");
        (await CountAsync(client, "hasNikKoperasi=true")).ShouldBe(Scaled.NikKoperasi);
        (await CountAsync(client, "supervisionLevel=provinsi")).ShouldBe(Scaled.Provincial.Aktif + Scaled.Provincial.TidakAktif);
        (await CountAsync(client, "supervisionLevel=provinsi&activity=aktif")).ShouldBe(Scaled.Provincial.Aktif);
        (await CountAsync(client, "type=produsen")).ShouldBe(Scaled.Produsen);
        (await KdmpCoverageAsync(client, Scaled.Kdmp.FormedBy)).ShouldBe(Scaled.Kdmp.Count);
        (await KdmpCoverageAsync(client, Scaled.Kdmp.FormedBy.AddMonths(-6))).ShouldBe(0);
        (await ValidNikKoperasiAsync(client, Scaled.AsOf)).ShouldBe(Scaled.NikKoperasi);

        // The statistics give the same figures on the same days.
        var onPublishedDay = await StatisticsSupervisionAsync(client, Scaled.AsOf);
        onPublishedDay["validNikKoperasi"]!.GetValue<int>().ShouldBe(Scaled.NikKoperasi);
        onPublishedDay["desaWithKdmp"]!.GetValue<int>().ShouldBe(Scaled.Kdmp.Count);
        onPublishedDay["kdmpCoverage"]!.AsArray().Sum(r => r!["desaWithKdmp"]!.GetValue<int>()).ShouldBe(Scaled.Kdmp.Count);
        var beforeTheProgramme = await StatisticsSupervisionAsync(client, Scaled.Kdmp.FormedBy.AddMonths(-6));
        beforeTheProgramme["desaWithKdmp"]!.GetValue<int>().ShouldBe(0);
        beforeTheProgramme["validNikKoperasi"]!.GetValue<int>().ShouldBe(await ValidNikKoperasiAsync(client, Scaled.Kdmp.FormedBy.AddMonths(-6)));

        // The pembina of Merangin's development token (docs/gateway.md, no name) has koperasi of Merangin only, some with an open follow-up.
        var pembina = registry.CreateClient();
        pembina.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
            "Bearer",
            new TokenIssuer(TestTokens.Settings(), TimeProvider.System).Issue(
                DevelopmentUsers.Of(KoperasiRoles.Pembina, ["1502"]), KoperasiRoles.Pembina, ["1502"], TimeSpan.FromDays(3650), DateTimeOffset.UtcNow.AddDays(-1825)));
        var mine = (await Api.GetAsync(pembina, "/api/registry/supervision/my-koperasi"))["koperasi"]!.AsArray();
        mine.ShouldNotBeEmpty();
        mine.ShouldAllBe(k => k!["regencyCode"]!.GetValue<string>() == "1502");
        mine.ShouldContain(k => k!["openFollowUps"]!.AsArray().Count > 0);

        // Some regencies have a flagship, not all.
        var without = (await Api.GetAsync(client, "/api/registry/supervision/regencies-without-flagship"))["regencies"]!.AsArray();
        without.Count.ShouldBeInRange(1, Scaled.Regencies.Count - 1);

        var someone = (await Api.GetAsync(client, "/api/registry/cooperatives?pageSize=1"))["items"]![0]!["id"]!.GetValue<string>();
        var history = await client.GetFromJsonAsync<JsonArray>($"/api/registry/cooperatives/{someone}/history", TestContext.Current.CancellationToken);
        history!.ShouldAllBe(e => e!["actor"]!.GetValue<string>() == "system:demo-data");

        // A second run on the same register adds nothing, whichever set it would load.
        (await LoadAsync(registry, Scaled)).ShouldBe(new DemoDataState(DemoDataStatus.Skipped, 0, 0, total));
        (await LoadAsync(registry)).ShouldBe(new DemoDataState(DemoDataStatus.Skipped, 0, 0, 5053));
        (await CountAsync(client, "")).ShouldBe(total);
    }

    [Fact]
    public async Task A_register_that_holds_a_koperasi_is_left_alone()
    {
        await using var registry = new IsolatedRegistryHost("demoskip", Now);
        registry.With("Marten:DaemonMode", "Disabled");
        var client = registry.CreateClient();
        await Api.RegisterAsync(client, Api.Registration());

        (await LoadAsync(registry)).Status.ShouldBe(DemoDataStatus.Skipped);
        (await CountAsync(client, "")).ShouldBe(1);
    }

    [Fact]
    public async Task A_load_cut_short_is_resumed_at_the_next_run_without_duplicates()
    {
        // What an interrupted load leaves behind: its marker and the first batches. No daemon here:
        // this test counts registrations, the ones above check the statistics.
        await using var registry = new IsolatedRegistryHost("demoresume", Now);
        registry.With("Marten:DaemonMode", "Disabled");
        var client = registry.CreateClient();
        await using (var store = DemoDataTool.OpenStore(registry.Services.GetRequiredService<IConfiguration>()))
        await using (var session = store.OpenSessionAs(DemoDataLoader.Actor))
        {
            session.Insert(new DemoDataLoad(DemoDataLoad.Key, Now, null));
            foreach (var request in DemoData.Generate(Scaled).Take(60))
            {
                var outcome = await Register.DecideInSessionAsync(session, Register.ToCommand(request, Guid.CreateVersion7()), new DateOnly(2026, 11, 22), new ActivityPolicy(), TestContext.Current.CancellationToken);
                outcome.Error.ShouldBeNull();
            }

            await session.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        (await LoadAsync(registry, Scaled)).ShouldBe(new DemoDataState(DemoDataStatus.Loaded, Scaled.Total, 0, Scaled.Total));
        (await CountAsync(client, "")).ShouldBe(Scaled.Total);
    }

    [Fact]
    public void The_tool_reads_the_Registry_settings_and_checks_the_activity_policy()
    {
        DemoDataTool.Policy(new ConfigurationBuilder().Build()).ShouldBe(new ActivityPolicy());
        var configured = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Activity:YearsWithoutRat"] = "0" }).Build();
        Should.Throw<InvalidOperationException>(() => DemoDataTool.Policy(configured)).Message.ShouldContain("YearsWithoutRat");
        Should.Throw<InvalidOperationException>(() => DemoDataTool.OpenStore(new ConfigurationBuilder().Build())).Message.ShouldContain("ConnectionStrings__Postgres");
    }

    /// <summary>Runs the tool's loader on the host's register, with the tool's own store built from the host's settings: the set of <paramref name="targets"/>, or the full one.</summary>
    internal static async Task<DemoDataState> LoadAsync(IsolatedRegistryHost registry, DemoTargets? targets = null, IProgress<DemoDataState>? progress = null)
    {
        var configuration = registry.Services.GetRequiredService<IConfiguration>();
        await using var store = DemoDataTool.OpenStore(configuration);
        var loader = new DemoDataLoader(store, registry.Clock, DemoDataTool.Policy(configuration), NullLogger<DemoDataLoader>.Instance);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(LoadTimeout);
        return await loader.LoadAsync(targets ?? DemoTargets.Load(), progress, timeout.Token);
    }

    private sealed class SynchronousProgress(Action<DemoDataState> report) : IProgress<DemoDataState>
    {
        public void Report(DemoDataState value) => report(value);
    }

    internal static async Task<long> CountAsync(HttpClient client, string filter) =>
        (await Api.GetAsync(client, $"/api/registry/cooperatives?pageSize=1&{filter}"))["totalCount"]!.GetValue<long>();

    /// <summary>How many desa had a KDMP on <paramref name="day"/> (the supervision's coverage, read inline with the load).</summary>
    internal static async Task<int> KdmpCoverageAsync(HttpClient client, DateOnly day) =>
        (await Api.GetAsync(client, $"/api/registry/supervision/kdmp-coverage?on={day:yyyy-MM-dd}"))["desaWithKdmp"]!.GetValue<int>();

    /// <summary>The supervision figures of <c>GET /api/registry/statistics</c> on <paramref name="day"/>.</summary>
    internal static async Task<JsonObject> StatisticsSupervisionAsync(HttpClient client, DateOnly day) =>
        (await Api.GetAsync(client, $"/api/registry/statistics?asOf={day:yyyy-MM-dd}"))["supervision"]!.AsObject();

    /// <summary>How many koperasi held a valid NIK koperasi on <paramref name="day"/>.</summary>
    internal static async Task<int> ValidNikKoperasiAsync(HttpClient client, DateOnly day) =>
        (await Api.GetAsync(client, $"/api/registry/supervision/valid-nik-koperasi?on={day:yyyy-MM-dd}"))["holders"]!.GetValue<int>();

    /// <summary>Waits for the asynchronous statistics projection to reach the expected table, then checks every row.</summary>
    internal static async Task<JsonObject> PublishedTableAsync(HttpClient client, string query, IReadOnlyList<(string Code, int Aktif, int TidakAktif)> expected)
    {
        JsonObject? last = null;
        try
        {
            return await Eventually.ValueAsync(
                async () =>
                {
                    last = await Api.GetAsync(client, $"/api/registry/statistics/regencies{query}");
                    return Rows(last).SequenceEqual(expected) ? last : null;
                },
                $"the statistics{query} to reach the expected table",
                LoadTimeout);
        }
        catch (TimeoutException) when (last is not null)
        {
            Rows(last).ShouldBe(expected);
            throw;
        }
    }

    /// <summary>The published table (shared/data/published-figures.md, as <see cref="DemoDataTests.Published"/> copies it).</summary>
    internal static List<(string Code, int Aktif, int TidakAktif)> Published =>
        [.. DemoDataTests.Published.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => (r.Key, r.Value.Aktif, r.Value.TidakAktif))];

    /// <summary>The table the set of <paramref name="targets"/> is generated to give.</summary>
    private static List<(string Code, int Aktif, int TidakAktif)> Table(DemoTargets targets) =>
        [.. targets.Regencies.OrderBy(r => r.Code, StringComparer.Ordinal).Select(r => (r.Code, r.Aktif, r.TidakAktif))];

    private static List<(string Code, int Aktif, int TidakAktif)> Rows(JsonObject table) =>
    [
        .. table["rows"]!.AsArray()
            .Select(r => (r!["regencyCode"]!.GetValue<string>(), r["aktif"]!.GetValue<int>(), r["tidakAktif"]!.GetValue<int>()))
            .OrderBy(r => r.Item1, StringComparer.Ordinal),
    ];
}
