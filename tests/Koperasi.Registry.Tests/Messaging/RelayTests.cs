using Koperasi.Testing;

namespace Koperasi.Registry.Tests.Messaging;

/// <summary>Committed events reach subscribers as the documented contracts.</summary>
public sealed class RelayTests() : RelayHarness(
    "relay",
    "koperasi:registry:cooperative-registered:v1",
    "koperasi:registry:rat-reported:v1",
    "koperasi:registry:cooperative-activity-changed:v1",
    "koperasi:registry:cooperative-details-changed:v1")
{
    [Fact]
    public async Task A_registration_is_published_as_its_contracts_with_the_event_id_as_message_id()
    {
        var registered = await Api.RegisterAsync(Client, Api.Registration(decreeDate: "2010-06-01", rats: Api.Rat(2015, "2016-04-04")));
        var id = registered["id"]!.GetValue<string>();

        var message = await Probe.WaitForAsync("koperasi:registry:cooperative-registered:v1", m => m.GetProperty("cooperativeId").GetString() == id);
        var rat = await Probe.WaitForAsync("koperasi:registry:rat-reported:v1", m => m.GetProperty("cooperativeId").GetString() == id);
        var activity = await Probe.WaitForAsync(
            "koperasi:registry:cooperative-activity-changed:v1",
            m => m.GetProperty("cooperativeId").GetString() == id && m.GetProperty("effectiveOn").GetString() == "2019-07-01");

        var contract = message.As<Contracts.Registry.CooperativeRegistered>();
        contract.Name.ShouldBe(registered["name"]!.GetValue<string>());
        contract.Type.ShouldBe("konsumen");
        contract.Address.RegencyName.ShouldBe("Kota Jambi");
        contract.StreamVersion.ShouldBe(1);
        rat.As<Contracts.Registry.RatReported>().FinancialYear.ShouldBe(2015);
        activity.As<Contracts.Registry.CooperativeActivityChanged>().To.ShouldBe("tidak-aktif");
        var changes = Probe.Received.Where(m => m.MessageTypes.Contains("urn:message:koperasi:registry:cooperative-activity-changed:v1")
            && m.Message.GetProperty("cooperativeId").GetString() == id).Select(m => m.As<Contracts.Registry.CooperativeActivityChanged>()).ToList();
        changes.Select(c => c.StreamVersion).ShouldBeInOrder();
        new[] { message.MessageId, rat.MessageId, activity.MessageId }.Distinct().Count().ShouldBe(3);
    }
}

/// <summary>An operator replays the relay: the same events go out again, with the same message ids.</summary>
public sealed class RelayReplayTests() : RelayHarness("replay", "koperasi:registry:cooperative-registered:v1")
{
    [Fact]
    public async Task A_replay_publishes_the_events_again_under_their_original_message_ids()
    {
        var client = Registry.CreateClient();
        var id = (await Api.RegisterAsync(client, Api.Registration()))["id"]!.GetValue<string>();
        var first = await Probe.WaitForAsync("koperasi:registry:cooperative-registered:v1", m => m.GetProperty("cooperativeId").GetString() == id);

        using var replay = await client.PostAsync(new Uri("/api/registry/ops/relay/replay?fromSequence=0", UriKind.Relative), null);
        replay.StatusCode.ShouldBe(System.Net.HttpStatusCode.Accepted);

        await Eventually.UntilAsync(async () =>
        {
            await Probe.DrainAsync();
            return Probe.Received.Count(m => m.MessageId == first.MessageId) >= 2;
        }, "the replayed message");
    }
}

/// <summary>
/// The broker goes away for the relay: the registry host reaches RabbitMQ through a link the test
/// cuts, so only this host loses the broker while every other test keeps it.
/// </summary>
public sealed class BrokerOutageTests : IAsyncLifetime
{
    private readonly IsolatedRegistryHost _registry = new("outage", new DateTimeOffset(2026, 11, 22, 3, 0, 0, TimeSpan.Zero));
    private BrokerLink _link = null!;
    private BrokerProbe _probe = null!;

    public async ValueTask InitializeAsync()
    {
        _link = BrokerLink.Open();
        _registry.With("RabbitMq:Host", "127.0.0.1").With("RabbitMq:Port", _link.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _probe = await BrokerProbe.SubscribeAsync(_registry.EntityPrefix, "koperasi:registry:cooperative-registered:v1");
        await _registry.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _probe.DisposeAsync();
        await _registry.DisposeAsync();
        await _link.DisposeAsync();
    }

    [Fact]
    public async Task Events_committed_while_RabbitMQ_is_unreachable_reach_the_consumer_after_it_returns()
    {
        var client = _registry.CreateClient();
        var before = (await Api.RegisterAsync(client, Api.Registration()))["id"]!.GetValue<string>();
        await _probe.WaitForAsync("koperasi:registry:cooperative-registered:v1", m => m.GetProperty("cooperativeId").GetString() == before);

        _link.Cut();
        var ids = new List<string>();
        try
        {
            for (var i = 0; i < 5; i++)
            {
                ids.Add((await Api.RegisterAsync(client, Api.Registration()))["id"]!.GetValue<string>());
            }

            // While the link is cut nothing of these can have gone out.
            await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
            await _probe.DrainAsync();
            _probe.Received.Where(m => ids.Contains(m.Message.GetProperty("cooperativeId").GetString()!)).ShouldBeEmpty();
        }
        finally
        {
            _link.Restore();
        }

        foreach (var id in ids)
        {
            await _probe.WaitForAsync("koperasi:registry:cooperative-registered:v1", m => m.GetProperty("cooperativeId").GetString() == id, TimeSpan.FromSeconds(90));
        }

        _probe.Received.Select(m => m.Message.GetProperty("cooperativeId").GetString()).Distinct().Count().ShouldBeGreaterThanOrEqualTo(6);
    }
}
