using Koperasi.Contracts.Registry;
using Koperasi.Funding.Cooperatives;
using Koperasi.Funding.Messaging.Consumers;
using Koperasi.ServiceDefaults.Persistence;
using Koperasi.Testing;
using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Koperasi.Funding.Tests.Messaging;

/// <summary>
/// Two replicas of Funding (one schema, one broker prefix) compete on the same quorum queues: each
/// takes a share of the Registry's facts, every fact delivered twice (a relay's at-least-once) is
/// applied once, whichever replica took which delivery.
/// </summary>
public sealed class ConsumerReplicasTests : IAsyncLifetime
{
    private readonly IsolatedFundingHost _first = new("consumerreplicas");
    private readonly IsolatedFundingHost _second = new("consumerreplicas");
    private readonly ConsumedDeliveries _byFirst = new();
    private readonly ConsumedDeliveries _bySecond = new();

    public async ValueTask InitializeAsync()
    {
        await _first.InitializeAsync();
        await _second.InitializeAsync();
        foreach (var (host, observer) in new[] { (_first, _byFirst), (_second, _bySecond) })
        {
            await host.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
            host.Services.GetRequiredService<IBus>().ConnectConsumeObserver(observer);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _second.StopAsync();
        await _first.DisposeAsync();
    }

    private static CooperativeRegistered Registered(Guid id) => new(
        id, 1, DateTimeOffset.UtcNow, "Koperasi Produsen Maju Bersama", "primer", "produsen", null, false, false, "kabupaten-kota",
        new CooperativeAddress("Jl. Lintas 1", null, "Pelawan", "1503", "Sarolangun", null), $"{Guid.NewGuid():N}/BH/2015", new DateOnly(2015, 3, 1),
        null, "Pengolahan hasil pertanian", 40);

    [Fact]
    public async Task Both_replicas_take_messages_and_each_fact_is_applied_once()
    {
        var facts = Enumerable.Range(0, 30).Select(_ => (Cooperative: Guid.NewGuid(), MessageId: Guid.NewGuid())).ToList();
        var bus = _first.Services.GetRequiredService<IBus>();
        // Each fact twice with the same message id, as a relay that published a page again would.
        for (var delivery = 0; delivery < 2; delivery++)
        {
            await Task.WhenAll(facts.Select(f => bus.Publish(Registered(f.Cooperative), context => context.MessageId = f.MessageId)));
        }

        await Eventually.UntilAsync(
            () => Task.FromResult(facts.All(f => _byFirst.Of(f.MessageId) + _bySecond.Of(f.MessageId) == 2)),
            "every delivery consumed by one replica or the other",
            TimeSpan.FromSeconds(60));

        facts.Count(f => _byFirst.Of(f.MessageId) > 0).ShouldBeGreaterThan(0);
        facts.Count(f => _bySecond.Of(f.MessageId) > 0).ShouldBeGreaterThan(0);
        await using var session = _first.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var ids = facts.Select(f => f.MessageId).ToList();
        var processed = await session.Query<ProcessedMessage>().Where(p => ids.Contains(p.MessageId)).ToListAsync();
        processed.Select(p => p.MessageId).Order().ShouldBe(ids.Order());
        processed.ShouldAllBe(p => p.Id.StartsWith(nameof(CooperativeRegisteredConsumer), StringComparison.Ordinal));
        var cooperatives = facts.Select(f => f.Cooperative).ToList();
        var replicas = await session.Query<CooperativeReplica>().Where(r => cooperatives.Contains(r.Id)).ToListAsync();
        replicas.Count.ShouldBe(facts.Count);
        replicas.ShouldAllBe(r => r.Revision == 1);
    }
}
