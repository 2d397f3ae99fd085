using System.Diagnostics;
using Koperasi.Testing;
using Npgsql;

namespace Koperasi.Registry.Tests.Replicas;

/// <summary>
/// Two replicas of the Registry on one schema and one broker prefix (HotCold): exactly one of them
/// relays the committed events; when its process is killed hard, the other takes over and publishes
/// every later event, none twice. The takeover time is written to the test output.
/// </summary>
public sealed class RelayFailoverTests : IAsyncLifetime
{
    private const string Registered = "koperasi:registry:cooperative-registered:v1";
    private static readonly Dictionary<string, string> Replica = new()
    {
        ["Marten:LeadershipPollingTime"] = "00:00:01",
        ["Activity:ScheduledEvaluation"] = "false",
    };

    private readonly ServiceHost<Program> _second = new("registry", "failover");
    private BrokerProbe _probe = null!;
    private RegistryProcess? _first;

    public async ValueTask InitializeAsync()
    {
        foreach (var (key, value) in Replica)
        {
            _second.With(key, value);
        }

        _probe = await BrokerProbe.SubscribeAsync(_second.EntityPrefix, Registered);
    }

    public async ValueTask DisposeAsync()
    {
        if (_first is not null)
        {
            await _first.DisposeAsync();
        }

        await _probe.DisposeAsync();
        await _second.DisposeAsync();
    }

    [Fact]
    public async Task One_replica_relays_and_the_other_takes_over_when_it_is_killed()
    {
        var output = TestContext.Current.TestOutputHelper;
        // The first replica starts alone, so it is the daemon's leader.
        _first = await RegistryProcess.StartAsync(_second, Replica);
        string first;
        using (var direct = _first.CreateClient())
        {
            first = (await Api.RegisterAsync(direct, Api.Registration()))["id"]!.GetValue<string>();
            (await WaitForAsync([first])).Single().PublisherProcessId.ShouldBe(_first.Id);
        }

        // The second replica joins: it takes writes, but the leader relays them.
        await _second.InitializeAsync();
        var client = _second.CreateClient();
        var before = await RegisterAsync(client, 10);
        var published = await WaitForAsync(before);
        published.Select(m => m.PublisherProcessId).Distinct().ShouldBe([_first.Id]);
        await RelayCaughtUpAsync();

        // The leader dies hard; the writes go on through the second replica.
        await _first.KillAsync();
        var killed = Stopwatch.StartNew();
        var after = await RegisterAsync(client, 10);
        var takenOver = await WaitForAsync(after, TimeSpan.FromSeconds(60));
        var takeover = killed.Elapsed;
        output?.WriteLine($"The second replica took over the relay and published the 10 events appended after the leader's kill within {takeover.TotalSeconds:0.0} s.");

        takenOver.Select(m => m.PublisherProcessId).Distinct().ShouldBe([Environment.ProcessId]);
        await _probe.DrainAsync();
        var all = _probe.Received.Where(m => m.MessageTypes.Contains("urn:message:" + Registered)).ToList();
        // Every event published, none by both replicas.
        all.Select(Cooperative).Order().ShouldBe([.. before.Concat(after).Append(first).Order()]);
        all.GroupBy(m => m.MessageId).Where(g => g.Count() > 1).ShouldBeEmpty();
    }

    private static string Cooperative(ReceivedMessage message) => message.Message.GetProperty("cooperativeId").GetString()!;

    private static async Task<List<string>> RegisterAsync(HttpClient client, int count)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            ids.Add((await Api.RegisterAsync(client, Api.Registration()))["id"]!.GetValue<string>());
        }

        return ids;
    }

    private Task<List<ReceivedMessage>> WaitForAsync(List<string> cooperatives, TimeSpan? timeout = null) =>
        Eventually.ValueAsync(
            async () =>
            {
                await _probe.DrainAsync();
                var found = _probe.Received.Where(m => m.MessageTypes.Contains("urn:message:" + Registered) && cooperatives.Contains(Cooperative(m))).ToList();
                return found.Select(Cooperative).Distinct().Count() == cooperatives.Count ? found : null;
            },
            $"{cooperatives.Count} registrations published",
            timeout);

    // The leader records its position after a page is published: wait for it, so the kill below
    // leaves nothing published-but-unrecorded that the next leader would publish again.
    private Task RelayCaughtUpAsync() =>
        Eventually.UntilAsync(
            async () =>
            {
                await using var connection = new NpgsqlConnection(TestInfrastructure.TestDatabase("registry"));
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand(
                    $"select (select coalesce(max(last_seq_id), 0) from \"{_second.Schema}\".mt_event_progression where name like 'IntegrationEventRelay%') >= (select coalesce(max(seq_id), 0) from \"{_second.Schema}\".mt_events)",
                    connection);
                return (bool)(await command.ExecuteScalarAsync())!;
            },
            "the relay's position to reach the last event");
}
