using System.Collections.Concurrent;
using Koperasi.Testing;

namespace Koperasi.Resilience;

/// <summary>One registration fact as the subscriber received it.</summary>
public sealed record Fact(Guid MessageId, Guid CooperativeId, int PublisherProcessId, DateTimeOffset ReceivedAt);

/// <summary>
/// A downstream system with nothing but the broker and the documented names: a <see cref="BrokerProbe"/>
/// on the exchange of <c>koperasi:registry:cooperative-registered:v1</c> (a durable queue that outlives
/// a broker restart, reconnecting while the broker is away), read all the time, every fact kept with
/// its message id and arrival time.
/// </summary>
public sealed class Subscriber : IAsyncDisposable
{
    public const string Registered = "koperasi:registry:cooperative-registered:v1";

    private readonly BrokerProbe _probe;
    private readonly ConcurrentQueue<Fact> _facts = new();
    private readonly CancellationTokenSource _stop = new();
    private Task _reading = Task.CompletedTask;

    private Subscriber(BrokerProbe probe) => _probe = probe;

    /// <summary>Every fact received so far, duplicates included.</summary>
    public IReadOnlyCollection<Fact> Facts => _facts;

    public static async Task<Subscriber> StartAsync(string entityPrefix)
    {
        var subscriber = new Subscriber(await BrokerProbe.SubscribeAsync(entityPrefix, Registered));
        subscriber._reading = Task.Run(subscriber.ReadAsync);
        return subscriber;
    }

    private async Task ReadAsync()
    {
        // The probe keeps every message in arrival order and only this loop drains it: the ones past
        // those already seen are the new arrivals.
        var seen = 0;
        while (!_stop.IsCancellationRequested)
        {
            await _probe.DrainAsync();
            var arrived = _probe.Received.Skip(seen).ToList();
            seen += arrived.Count;
            var now = DateTimeOffset.UtcNow;
            foreach (var message in arrived)
            {
                _facts.Enqueue(new Fact(message.MessageId, message.Message.GetProperty("cooperativeId").GetGuid(), message.PublisherProcessId, now));
            }

            if (arrived.Count == 0)
            {
                try
                {
                    await Task.Delay(50, _stop.Token);
                }
                catch (OperationCanceledException) when (_stop.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _reading;
        await _probe.DisposeAsync();
        _stop.Dispose();
    }
}
