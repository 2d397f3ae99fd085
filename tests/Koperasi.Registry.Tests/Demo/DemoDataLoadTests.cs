using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koperasi.Registry.Activity;
using Koperasi.Registry.Cooperatives;
using Koperasi.Registry.Demo;
using Koperasi.ServiceDefaults.Persistence;
using Koperasi.Testing;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Koperasi.Registry.Tests.Demo;

public class DemoDataLoadTests(RegistryHost registry) : IClassFixture<RegistryHost>
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 3, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan LoadTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task An_empty_register_gets_the_demo_set_once_and_its_statistics_answer_the_published_figures()
    {
        var first = new IsolatedRegistryHost("demo", Now);
        first.With("Demo:LoadWhenEmpty", "true");
        IsolatedRegistryHost? second = null;
        try
        {
            var watch = Stopwatch.StartNew();
            var client = first.CreateClient();
            var loaded = await StateAsync(client, "loaded");
            var loadTime = watch.Elapsed;
            loaded["registered"]!.GetValue<int>().ShouldBe(5053);
            loaded["rejected"]!.GetValue<int>().ShouldBe(0);

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

            // A second start on the same register (here an API replica: no daemon of its own) adds nothing.
            second = new IsolatedRegistryHost("demo", Now);
            second.With("Demo:LoadWhenEmpty", "true").With("Marten:DaemonMode", "Disabled").With("Activity:ScheduledEvaluation", "false");
            var again = second.CreateClient();
            (await StateAsync(again, "skipped"))["registered"]!.GetValue<int>().ShouldBe(0);
            (await CountAsync(again, "")).ShouldBe(5053);
        }
        finally
        {
            await first.DisposeAsync();
            if (second is not null)
            {
                await second.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_load_cut_short_is_resumed_at_the_next_start_without_duplicates()
    {
        // What an interrupted load leaves behind: its marker and the first batches. No daemon here:
        // this test counts registrations, the one above checks the statistics.
        var interrupted = new IsolatedRegistryHost("demoresume", Now);
        interrupted.With("Marten:DaemonMode", "Disabled").With("Activity:ScheduledEvaluation", "false");
        IsolatedRegistryHost? resumed = null;
        try
        {
            var store = interrupted.Services.GetRequiredService<IDocumentStore>();
            await using (var session = store.OpenSessionAs(DemoDataLoader.Actor))
            {
                session.Insert(new DemoDataLoad(DemoDataLoad.Key, Now, null));
                foreach (var request in DemoData.Generate().Take(300))
                {
                    var outcome = await Register.StageAsync(session, Register.ToCommand(request, Guid.CreateVersion7()), new DateOnly(2026, 11, 22), new ActivityPolicy(), TestContext.Current.CancellationToken);
                    outcome.Error.ShouldBeNull();
                }

                await session.SaveChangesAsync(TestContext.Current.CancellationToken);
            }

            resumed = new IsolatedRegistryHost("demoresume", Now);
            resumed.With("Demo:LoadWhenEmpty", "true").With("Marten:DaemonMode", "Disabled").With("Activity:ScheduledEvaluation", "false");
            var client = resumed.CreateClient();
            var loaded = await StateAsync(client, "loaded");
            loaded["registered"]!.GetValue<int>().ShouldBe(5053);
            loaded["rejected"]!.GetValue<int>().ShouldBe(0);
            (await CountAsync(client, "")).ShouldBe(5053);
        }
        finally
        {
            await interrupted.DisposeAsync();
            if (resumed is not null)
            {
                await resumed.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task The_demo_load_is_off_unless_configured()
    {
        var state = await Api.GetAsync(registry.CreateClient(), "/api/registry/demo-data");
        state["status"]!.GetValue<string>().ShouldBe("disabled");
    }

    private static async Task<long> CountAsync(HttpClient client, string filter) =>
        (await Api.GetAsync(client, $"/api/registry/cooperatives?pageSize=1&{filter}"))["totalCount"]!.GetValue<long>();

    private static Task<JsonObject> StateAsync(HttpClient client, string status) =>
        Eventually.ValueAsync(
            async () =>
            {
                var state = await Api.GetAsync(client, "/api/registry/demo-data");
                var current = state["status"]!.GetValue<string>();
                current.ShouldNotBe("failed");
                return current == status ? state : null;
            },
            $"the demo load to be {status}",
            LoadTimeout);

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
