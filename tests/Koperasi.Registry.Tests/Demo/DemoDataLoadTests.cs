using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koperasi.Registry.Activity;
using Koperasi.Registry.Cooperatives;
using Koperasi.Registry.Demo;
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
/// statistics, which know nothing of the demo and answer the published figures.
/// </summary>
public class DemoDataLoadTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 3, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan LoadTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task An_empty_register_gets_the_demo_set_once_and_its_statistics_answer_the_published_figures()
    {
        await using var registry = new IsolatedRegistryHost("demo", Now);
        var client = registry.CreateClient();
        var watch = Stopwatch.StartNew();
        var reported = new List<DemoDataState>();
        var loaded = await LoadAsync(registry, new SynchronousProgress(reported.Add));
        var loadTime = watch.Elapsed;
        loaded.ShouldBe(new DemoDataState(DemoDataStatus.Loaded, 5053, 0, 5053));
        reported.ShouldNotBeEmpty();
        reported.Select(r => r.Registered).ShouldBeInOrder();
        reported[^1].Registered.ShouldBe(5053);

        await PublishedTableAsync(client, "?asOf=2025-08-29");
        var statisticsTime = watch.Elapsed;
        (await PublishedTableAsync(client, ""))["asOf"]!.GetValue<string>().ShouldBe("2026-11-22");
        TestContext.Current.TestOutputHelper?.WriteLine($"Demo set loaded in {loadTime.TotalSeconds:F1} s; statistics caught up after {statisticsTime.TotalSeconds:F1} s.");

        (await CountAsync(client, "hasNikKoperasi=true")).ShouldBe(629);
        (await CountAsync(client, "supervisionLevel=provinsi")).ShouldBe(232);
        (await CountAsync(client, "supervisionLevel=provinsi&activity=aktif")).ShouldBe(216);
        (await CountAsync(client, "type=produsen")).ShouldBe(1318);

        var someone = (await Api.GetAsync(client, "/api/registry/cooperatives?pageSize=1"))["items"]![0]!["id"]!.GetValue<string>();
        var history = await client.GetFromJsonAsync<JsonArray>($"/api/registry/cooperatives/{someone}/history", TestContext.Current.CancellationToken);
        history!.ShouldAllBe(e => e!["actor"]!.GetValue<string>() == "system:demo-data");

        // A second run on the same register adds nothing.
        (await LoadAsync(registry)).ShouldBe(new DemoDataState(DemoDataStatus.Skipped, 0, 0, 5053));
        (await CountAsync(client, "")).ShouldBe(5053);
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
        // this test counts registrations, the one above checks the statistics.
        await using var registry = new IsolatedRegistryHost("demoresume", Now);
        registry.With("Marten:DaemonMode", "Disabled");
        var client = registry.CreateClient();
        await using (var store = DemoDataTool.OpenStore(registry.Services.GetRequiredService<IConfiguration>()))
        await using (var session = store.OpenSessionAs(DemoDataLoader.Actor))
        {
            session.Insert(new DemoDataLoad(DemoDataLoad.Key, Now, null));
            foreach (var request in DemoData.Generate().Take(300))
            {
                var outcome = await Register.DecideInSessionAsync(session, Register.ToCommand(request, Guid.CreateVersion7()), new DateOnly(2026, 11, 22), new ActivityPolicy(), TestContext.Current.CancellationToken);
                outcome.Error.ShouldBeNull();
            }

            await session.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        (await LoadAsync(registry)).ShouldBe(new DemoDataState(DemoDataStatus.Loaded, 5053, 0, 5053));
        (await CountAsync(client, "")).ShouldBe(5053);
    }

    [Fact]
    public void The_tool_reads_the_Registry_settings_and_checks_the_activity_policy()
    {
        DemoDataTool.Policy(new ConfigurationBuilder().Build()).ShouldBe(new ActivityPolicy());
        var configured = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Activity:YearsWithoutRat"] = "0" }).Build();
        Should.Throw<InvalidOperationException>(() => DemoDataTool.Policy(configured)).Message.ShouldContain("YearsWithoutRat");
        Should.Throw<InvalidOperationException>(() => DemoDataTool.OpenStore(new ConfigurationBuilder().Build())).Message.ShouldContain("ConnectionStrings__Postgres");
    }

    /// <summary>Runs the tool's loader on the host's register, with the tool's own store built from the host's settings.</summary>
    private static async Task<DemoDataState> LoadAsync(IsolatedRegistryHost registry, IProgress<DemoDataState>? progress = null)
    {
        var configuration = registry.Services.GetRequiredService<IConfiguration>();
        await using var store = DemoDataTool.OpenStore(configuration);
        var loader = new DemoDataLoader(store, registry.Clock, DemoDataTool.Policy(configuration), NullLogger<DemoDataLoader>.Instance);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(LoadTimeout);
        return await loader.LoadAsync(progress, timeout.Token);
    }

    private sealed class SynchronousProgress(Action<DemoDataState> report) : IProgress<DemoDataState>
    {
        public void Report(DemoDataState value) => report(value);
    }

    private static async Task<long> CountAsync(HttpClient client, string filter) =>
        (await Api.GetAsync(client, $"/api/registry/cooperatives?pageSize=1&{filter}"))["totalCount"]!.GetValue<long>();

    /// <summary>Waits for the asynchronous statistics projection to reach the published table, then checks every row.</summary>
    private static async Task<JsonObject> PublishedTableAsync(HttpClient client, string query)
    {
        JsonObject? last = null;
        try
        {
            return await Eventually.ValueAsync(
                async () =>
                {
                    last = await Api.GetAsync(client, $"/api/registry/statistics/regencies{query}");
                    return Rows(last).SequenceEqual(Expected) ? last : null;
                },
                $"the statistics{query} to reach the published table",
                LoadTimeout);
        }
        catch (TimeoutException) when (last is not null)
        {
            Rows(last).ShouldBe(Expected);
            throw;
        }
    }

    private static IEnumerable<(string Code, int Aktif, int TidakAktif)> Expected =>
        DemoDataTests.Published.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => (r.Key, r.Value.Aktif, r.Value.TidakAktif));

    private static List<(string Code, int Aktif, int TidakAktif)> Rows(JsonObject table) =>
    [
        .. table["rows"]!.AsArray()
            .Select(r => (r!["regencyCode"]!.GetValue<string>(), r["aktif"]!.GetValue<int>(), r["tidakAktif"]!.GetValue<int>()))
            .OrderBy(r => r.Item1, StringComparer.Ordinal),
    ];
}
