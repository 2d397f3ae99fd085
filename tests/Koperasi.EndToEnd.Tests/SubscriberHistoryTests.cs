extern alias registry;

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koperasi.ServiceDefaults.Messaging;
using Koperasi.Testing;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Koperasi.EndToEnd.Tests;

/// <summary>
/// The acceptance of issue 16: a subscriber onboarded by the documented command
/// (deploy/subscriber.sh add) receives the whole history by the replay to one subscriber, then the
/// live flow, with nothing missing. Its queue for the live flow exists from before the first fact,
/// so it holds everything the Registry published; a second queue, bound late, asks the replay of
/// every contract: after deduplication by message id it holds exactly the same messages, as many as
/// the replay says it sent, and then the next live one. The platform runs in a vhost of its own
/// without a name prefix, so the user has exactly its production permissions, and is refused what
/// they do not allow among the services' own exchanges and queues.
/// </summary>
public sealed class SubscriberHistoryTests : IAsyncLifetime
{
    private const string Publisher = "registry";
    private OwnVirtualHost _vhost = null!;
    private ServiceHost<registry::Program> _registry = null!;
    private readonly string _name = SubscriberScript.NewName("hist");
    private string _password = "";
    private bool _onboarded;

    private static IEnumerable<string> Contracts => AsyncApiDocument.ContractsOf(Publisher).Select(AsyncApiDocument.Exchange);

    public async ValueTask InitializeAsync()
    {
        _vhost = await OwnVirtualHost.CreateAsync("history", Publisher);
        // Small batches: the replay takes several, as it would at the platform's size.
        _registry = await Hosts.StartAsync(_vhost.Place(Hosts.Registry("subhistory"))
            .With("SubscriberReplay:PollInterval", "00:00:00.200").With("SubscriberReplay:Batch", "7").With("SubscriberReplay:Interval", "00:00:00.200"));
        _password = await SubscriberScript.AddAsync(_name, _vhost.Name);
        _onboarded = true;

        // The Registry declares its replay exchange as it starts.
        using var admin = BrokerAdmin.CreateClient();
        var exchange = $"exchanges/{Uri.EscapeDataString(_vhost.Name)}/{Uri.EscapeDataString(SubscriberReplays.ReplayExchange(Publisher, null))}";
        await Eventually.UntilAsync(
            async () =>
            {
                using var response = await admin.GetAsync(new Uri(exchange, UriKind.Relative));
                return response.IsSuccessStatusCode;
            },
            "the Registry's replay exchange");
    }

    /// <summary>A connection as the onboarded user, with the password deploy/subscriber.sh printed.</summary>
    private Task<IConnection> ConnectAsync() => new ConnectionFactory
    {
        HostName = TestInfrastructure.RabbitMqHost,
        Port = TestInfrastructure.RabbitMqPort,
        VirtualHost = _vhost.Name,
        UserName = _name,
        Password = _password,
    }.CreateConnectionAsync();

    public async ValueTask DisposeAsync()
    {
        await _registry.DisposeAsync();
        if (_onboarded)
        {
            await SubscriberScript.RemoveAsync(_name, _vhost.Name);
        }

        await _vhost.DisposeAsync();
    }

    [Fact]
    public async Task An_onboarded_subscriber_receives_the_whole_history_by_replay_then_the_live_flow_with_nothing_missing()
    {
        var writer = _registry.CreateClientAs("admin-provinsi");
        var replayExchange = SubscriberReplays.ReplayExchange(Publisher, null);

        // Its live queue, bound by its own user to every published contract before the first fact.
        await using var live = await SubscriberQueue.DeclareAsAsync(await ConnectAsync(), $"{_name}-live", replayExchange, Contracts);

        // The history: registrations, RATs (some late), activity.
        for (var i = 0; i < 12; i++)
        {
            var body = Register.Koperasi($"Koperasi Riwayat {Guid.NewGuid():N}"[..25], 30 + i, withRats: i % 3 != 0, decreeDate: $"{2015 + i % 6}-03-01");
            var id = await Register.RegisterAsync(writer, body);
            if (i % 3 == 0)
            {
                var koperasi = await Register.ReadAsync(writer, id);
                await Api.SendAsync(writer, HttpMethod.Post, $"{Register.Cooperatives}/{id}/rat-reports", Register.Rat(2024, "2025-09-01", 30 + i), HttpStatusCode.Created, koperasi["version"]!.GetValue<long>());
            }
        }

        // A queue of its own bound late; one more fact, then it asks the replay of everything.
        await using var late = await SubscriberQueue.DeclareAsAsync(await ConnectAsync(), $"{_name}-history", replayExchange, Contracts);
        var overlap = await Register.RegisterAsync(writer, Register.Koperasi($"Koperasi Riwayat {Guid.NewGuid():N}"[..25], 44));
        using var caller = SubscriberQueue.Caller(_registry.CreateClient(), _name);
        using var asked = await caller.PostAsJsonAsync("/api/registry/subscriber-replays", new JsonObject { ["queue"] = late.Name, ["fromSequence"] = 0 });
        asked.StatusCode.ShouldBe(HttpStatusCode.Accepted, await asked.Content.ReadAsStringAsync());
        var replay = (await asked.Content.ReadFromJsonAsync<JsonObject>())!;
        var progress = await Eventually.ValueAsync(
            async () => await Api.GetAsync(caller, $"/api/registry/subscriber-replays/{Api.Id(replay)}") is var p && Api.Text(p["status"]) != "running" ? p : null,
            "the replay to end", TimeSpan.FromMinutes(2));
        Api.Text(progress["status"]).ShouldBe("completed", progress.ToJsonString());
        var upTo = progress["upToSequence"]!.GetValue<long>();

        // Everything the publisher published up to the replay's end, as the live queue holds it, arrived by replay: no more, no less.
        var sent = progress["published"]!.GetValue<long>();
        var published = await Eventually.ValueAsync(
            async () => (await live.DrainAsync()).Where(m => m.Sequence <= upTo).DistinctBy(m => m.MessageId).ToList() is var all && all.Count >= sent && all.Any(m => m.Message.GetProperty("cooperativeId").GetGuid() == overlap) ? all : null,
            "the live flow up to the replay's end");
        var history = await Eventually.ValueAsync(
            async () => (await late.DrainAsync()).Select(m => m.MessageId).Distinct().Count() >= published.Count ? await late.DrainAsync() : null,
            "the whole history in the late queue", TimeSpan.FromMinutes(2));
        var deduped = history.Where(m => m.Sequence <= upTo).DistinctBy(m => m.MessageId).ToList();
        deduped.Select(m => m.MessageId).ToHashSet().SetEquals(published.Select(m => m.MessageId)).ShouldBeTrue("the replayed messages are the published ones");
        deduped.Count.ShouldBe(published.Count);
        sent.ShouldBe(published.Count);
        published.Count.ShouldBeGreaterThanOrEqualTo(17, "13 registrations and 4 RATs at least");
        foreach (var message in deduped)
        {
            var original = published.Single(m => m.MessageId == message.MessageId);
            (message.Contract, message.Sequence, message.RecordedAt).ShouldBe((original.Contract, original.Sequence, original.RecordedAt));
        }

        // The registration made after its queue was bound came twice, live and by replay: deduped by message id.
        history.Count(m => m.Message.GetProperty("cooperativeId").GetGuid() == overlap).ShouldBeGreaterThan(deduped.Count(m => m.Message.GetProperty("cooperativeId").GetGuid() == overlap));

        // Then the live flow: the next fact reaches it, positioned after the history.
        var next = await Register.RegisterAsync(writer, Register.Koperasi($"Koperasi Riwayat {Guid.NewGuid():N}"[..25], 50));
        var arrived = await Eventually.ValueAsync(
            async () => (await late.DrainAsync()).Where(m => m.Message.GetProperty("cooperativeId").GetGuid() == next).ToList() is { Count: > 0 } found ? found : null,
            "the live registration in the late queue");
        arrived.ShouldAllBe(m => m.Sequence > upTo);
        (await live.DrainAsync()).Select(m => m.MessageId).ShouldContain(arrived[0].MessageId);
    }

    [Fact]
    public async Task An_onboarded_subscriber_is_refused_the_services_own_exchanges_and_queues()
    {
        using var admin = BrokerAdmin.CreateClient();
        var vhost = Uri.EscapeDataString(_vhost.Name);
        var exchanges = (await admin.GetFromJsonAsync<JsonArray>($"exchanges/{vhost}?columns=name"))!.Select(e => Api.Text(e!["name"])).ToList();
        var queues = (await admin.GetFromJsonAsync<JsonArray>($"queues/{vhost}?columns=name"))!.Select(e => Api.Text(e!["name"])).ToList();
        // The Registry's own exchanges (what it consumes, bound to a publisher's) and queues: not published, not the subscriber's.
        var servicesExchange = exchanges.First(e => e.StartsWith("registry-", StringComparison.Ordinal));
        var servicesQueue = queues.First(q => q.StartsWith("registry-", StringComparison.Ordinal));
        var contract = Contracts.First();
        var mine = $"{_name}-probe";
        await using var connection = await ConnectAsync();
        await using (var channel = await connection.CreateChannelAsync())
        {
            await channel.QueueDeclareAsync(mine, durable: false, exclusive: false, autoDelete: true);
            await channel.QueueBindAsync(mine, contract, "");
        }

        await ShouldBeRefusedAsync(connection, c => c.QueueBindAsync(mine, servicesExchange, ""), "bind to an exchange that is not published");
        await ShouldBeRefusedAsync(connection, c => c.BasicGetAsync(servicesQueue, autoAck: false), "read a service's queue");
        await ShouldBeRefusedAsync(connection, c => c.QueueDeleteAsync(servicesQueue), "delete a service's queue");
        // Declaring, deleting or publishing to a publisher's exchange and declaring a queue of another
        // prefix are refused too: Koperasi.Isolation.Tests' SubscriberOnboardingTests.
        (await admin.GetFromJsonAsync<JsonArray>($"queues/{vhost}?columns=name"))!.Select(e => Api.Text(e!["name"])).ShouldContain(servicesQueue);
    }

    private static async Task ShouldBeRefusedAsync(IConnection connection, Func<IChannel, Task> operation, string what)
    {
        await using var channel = await connection.CreateChannelAsync();
        var refused = await Should.ThrowAsync<OperationInterruptedException>(() => operation(channel));
        var reason = refused.ShutdownReason ?? channel.CloseReason;
        reason.ShouldNotBeNull(what);
        reason.ReplyCode.ShouldBe((ushort)403, $"{what}: {reason.ReplyText}");
    }
}
