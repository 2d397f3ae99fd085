extern alias funding;

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using funding::Koperasi.Funding.Cooperatives;
using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Koperasi.Benchmarks.Engines;

/// <summary>
/// P2, propagation: from a registration's commit (its 201 read by the client) to Funding's replica of
/// the koperasi (<c>CooperativeReplica</c>, folded by Funding's consumer of
/// <c>koperasi:registry:cooperative-registered:v1</c>) and to a raw AMQP subscriber (RabbitMQ.Client,
/// a queue of its own bound to the contract's exchange). The Registry runs with its daemon (Solo: the
/// relay publishes), Funding in the same process on the same broker prefix. Three phases: idle (one
/// registration at a time, each awaited at both ends), a steady load
/// (<see cref="BenchmarkOptions.SteadyRate"/> registrations/s for <see cref="BenchmarkOptions.SteadySeconds"/>),
/// and a burst of <see cref="BenchmarkOptions.Burst"/> registrations sent as fast as
/// <see cref="BenchmarkOptions.Connections"/> connections go, timed from its last commit to its last delivery.
/// </summary>
public sealed class PropagationBenchmark(BenchmarkDatabase database, BenchmarkOptions options)
{
    private const string Contract = "koperasi:registry:cooperative-registered:v1";

    /// <summary>How often Funding's read model is looked at for the koperasi not seen there yet.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(5);

    public async Task<IReadOnlyList<EngineFigure>> RunAsync(string entityPrefix, CancellationToken cancellationToken)
    {
        var schema = $"{database.Schema}_propagation";
        await database.ExecuteAsync($"drop schema if exists {schema} cascade");
        try
        {
            await using var funding = new HotStreamBenchmark.FundingHost($"bench{entityPrefix.Replace("-", "", StringComparison.Ordinal)}");
            funding.With("RabbitMq:EntityPrefix", entityPrefix);
            _ = funding.Server;
            await using var registry = new BenchmarkHost(schema, entityPrefix, new Dictionary<string, string?>
            {
                ["Marten:DaemonMode"] = "Solo",
                ["RateLimits:WritesPerMinute"] = "100000000",
            }, options.StaleSequenceMilliseconds is { } stale
                // An experiment on the daemon: how long its high-water mark waits for a sequence number not committed yet.
                ? services => services.ConfigureMarten(store => store.Projections.StaleSequenceThreshold = TimeSpan.FromMilliseconds(stale))
                : null);
            _ = registry.Server;
            foreach (var bus in new[] { funding.Services.GetRequiredService<IBusControl>(), registry.Services.GetRequiredService<IBusControl>() })
            {
                await bus.WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromMinutes(1));
            }

            await using var subscriber = await RawSubscriber.StartAsync($"{entityPrefix}.{Contract}", cancellationToken);
            using var watcher = new ReplicaWatcher(funding.Services.GetRequiredService<IDocumentStore>());
            var probe = new Probe(registry.CreateClient(), watcher, subscriber);
            var watching = watcher.RunAsync(cancellationToken);
            try
            {
                return await MeasureAsync(probe, cancellationToken);
            }
            finally
            {
                watcher.Stop();
                await watching;
            }
        }
        finally
        {
            await database.ExecuteAsync($"drop schema if exists {schema} cascade");
        }
    }

    private async Task<IReadOnlyList<EngineFigure>> MeasureAsync(Probe probe, CancellationToken cancellationToken)
    {
        // Warm the path (the relay's first page, the consumers' first message) before timing it.
        for (var i = 0; i < Math.Max(1, options.Warmup); i++)
        {
            await probe.DeliveredAsync([await probe.RegisterAsync(cancellationToken)], cancellationToken);
        }

        var idle = new List<Guid>();
        for (var i = 0; i < options.Iterations; i++)
        {
            var id = await probe.RegisterAsync(cancellationToken);
            await probe.DeliveredAsync([id], cancellationToken);
            idle.Add(id);
        }

        var (idleReplica, idleRaw) = probe.Latencies(idle);
        System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  P2 idle ({idle.Count}): Funding's replica p50 {Percentile(idleReplica, 50):F1} ms p99 {Percentile(idleReplica, 99):F1} ms; raw subscriber p50 {Percentile(idleRaw, 50):F1} ms p99 {Percentile(idleRaw, 99):F1} ms"));

        // The steady load: one registration sent every 1/rate s, on time whether or not the ones before have answered.
        var steadyCount = options.SteadyRate * options.SteadySeconds;
        var steady = new ConcurrentBag<Guid>();
        var clock = Stopwatch.StartNew();
        var sending = new List<Task>(steadyCount);
        for (var i = 0; i < steadyCount; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / options.SteadyRate);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed, cancellationToken);
            }

            sending.Add(Task.Run(async () => steady.Add(await probe.RegisterAsync(cancellationToken)), cancellationToken));
        }

        await Task.WhenAll(sending);
        var achieved = steadyCount / clock.Elapsed.TotalSeconds;
        await probe.DeliveredAsync([.. steady], cancellationToken);
        var (steadyReplica, steadyRaw) = probe.Latencies(steady);
        System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  P2 at {achieved:F0}/s for {options.SteadySeconds} s ({steadyCount}): Funding's replica p50 {Percentile(steadyReplica, 50):F1} ms p99 {Percentile(steadyReplica, 99):F1} ms; raw subscriber p50 {Percentile(steadyRaw, 50):F1} ms p99 {Percentile(steadyRaw, 99):F1} ms"));

        // The burst: as fast as the connections go; timed from the last commit to the last delivery at each end.
        var burst = new ConcurrentBag<Guid>();
        var next = 0;
        var burstClock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, options.Connections).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) <= options.Burst)
            {
                burst.Add(await probe.RegisterAsync(cancellationToken));
            }
        }, cancellationToken)));
        var sent = burstClock.Elapsed;
        await probe.DeliveredAsync([.. burst], cancellationToken);
        var (burstReplica, burstRaw) = probe.AfterLastCommit(burst);
        System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  P2 burst of {options.Burst:N0} (sent in {sent.TotalSeconds:F1} s): all in Funding's replica {burstReplica.TotalSeconds:F2} s after the last commit; at the raw subscriber {burstRaw.TotalSeconds:F2} s"));

        const string raw = "raw AMQP subscriber (RabbitMQ.Client) on the contract's exchange";
        var idleDetail = $"{idle.Count} registrations, one at a time";
        var steadyDetail = string.Create(CultureInfo.InvariantCulture,
            $"{steadyCount} registrations at {achieved:F0}/s for {options.SteadySeconds} s; the subscriber's p50 {Percentile(steadyRaw, 50):F1} ms");
        return
        [
            new EngineFigure("P2", "propagation to Funding's read model, idle: p50", "ms", Percentile(idleReplica, 50), Percentile(idleRaw, 50), raw, "", null, idleDetail),
            new EngineFigure("P2", "propagation to Funding's read model, idle: p99", "ms", Percentile(idleReplica, 99), Percentile(idleRaw, 99), raw, "", null, idleDetail),
            new EngineFigure("P2", $"propagation to Funding's read model at {options.SteadyRate}/s: p50", "ms", Percentile(steadyReplica, 50), Percentile(steadyRaw, 50), raw, "", null, steadyDetail),
            new EngineFigure("P2", $"propagation to Funding's read model at {options.SteadyRate}/s: p99", "ms", Percentile(steadyReplica, 99), Percentile(steadyRaw, 99), raw,
                "≤ 250 ms at 50/s for 2 min", options.SteadyRate >= 50 && options.SteadySeconds >= 120 ? Percentile(steadyReplica, 99) <= 250 : null, steadyDetail),
            new EngineFigure("P2", $"burst of {options.Burst:N0} registrations delivered to every consumer, after the last commit", "s", burstReplica.TotalSeconds, burstRaw.TotalSeconds, raw,
                "≤ 10 s for 5,000", options.Burst >= 5000 ? burstReplica.TotalSeconds <= 10 && burstRaw.TotalSeconds <= 10 : null,
                string.Create(CultureInfo.InvariantCulture, $"sent by {options.Connections} connections in {sent.TotalSeconds:F1} s")),
        ];
    }

    /// <summary>Nearest-rank percentile of <paramref name="values"/> (milliseconds).</summary>
    public static double Percentile(IReadOnlyCollection<double> values, int percent)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(percent / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    /// <summary>Registers and remembers when each commit was acknowledged; waits for the koperasi at both ends.</summary>
    private sealed class Probe(HttpClient registry, ReplicaWatcher replica, RawSubscriber subscriber)
    {
        private readonly ConcurrentDictionary<Guid, long> _committed = new();

        public async Task<Guid> RegisterAsync(CancellationToken cancellationToken)
        {
            var id = await EngineBenchmark.RegisterNewAsync(registry, cancellationToken)
                ?? throw new InvalidOperationException("A registration was not accepted during P2: the figures would not be the command path's.");
            _committed[id] = Stopwatch.GetTimestamp();
            replica.Watch(id);
            return id;
        }

        /// <summary>Waits until every one of <paramref name="ids"/> is in Funding's replica and at the subscriber.</summary>
        public async Task DeliveredAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
        {
            var waited = Stopwatch.StartNew();
            var limit = TimeSpan.FromMinutes(2) + TimeSpan.FromMilliseconds(ids.Count * 100.0);
            while (!ids.All(id => replica.Seen.ContainsKey(id) && subscriber.Arrived.ContainsKey(id)))
            {
                if (waited.Elapsed > limit)
                {
                    throw new TimeoutException(string.Create(CultureInfo.InvariantCulture,
                        $"After {limit.TotalSeconds:F0} s, {ids.Count(id => !replica.Seen.ContainsKey(id))} of {ids.Count} registrations were not in Funding's replica and {ids.Count(id => !subscriber.Arrived.ContainsKey(id))} not at the subscriber."));
                }

                await Task.Delay(PollInterval, cancellationToken);
            }
        }

        /// <summary>Milliseconds from each commit to Funding's replica and to the subscriber (a message read before the client read its 201 counts 0).</summary>
        public (List<double> Replica, List<double> Raw) Latencies(IEnumerable<Guid> ids)
        {
            var replicaTimes = new List<double>();
            var rawTimes = new List<double>();
            foreach (var id in ids)
            {
                replicaTimes.Add(Since(_committed[id], replica.Seen[id]));
                rawTimes.Add(Since(_committed[id], subscriber.Arrived[id]));
            }

            return (replicaTimes, rawTimes);
        }

        /// <summary>From the last commit of <paramref name="ids"/> to the last of them in the replica, and at the subscriber.</summary>
        public (TimeSpan Replica, TimeSpan Raw) AfterLastCommit(IReadOnlyCollection<Guid> ids)
        {
            var last = ids.Max(id => _committed[id]);
            return (TimeSpan.FromMilliseconds(Since(last, ids.Max(id => replica.Seen[id]))), TimeSpan.FromMilliseconds(Since(last, ids.Max(id => subscriber.Arrived[id]))));
        }

        private static double Since(long from, long to) => to <= from ? 0 : Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;
    }

    /// <summary>Looks in Funding's read model, every <see cref="PollInterval"/>, for the koperasi registered and not seen there yet.</summary>
    private sealed class ReplicaWatcher(IDocumentStore store) : IDisposable
    {
        private readonly ConcurrentDictionary<Guid, byte> _pending = new();
        private readonly CancellationTokenSource _stop = new();

        /// <summary>When each koperasi was first seen in the replica (<see cref="Stopwatch.GetTimestamp"/>).</summary>
        public ConcurrentDictionary<Guid, long> Seen { get; } = new();

        public void Watch(Guid id) => _pending[id] = 0;

        public void Stop() => _stop.Cancel();

        public async Task RunAsync(CancellationToken cancellationToken)
        {
            using var both = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stop.Token);
            try
            {
                while (!both.IsCancellationRequested)
                {
                    foreach (var chunk in _pending.Keys.Chunk(1000))
                    {
                        await using var session = store.QuerySession();
                        var found = await session.LoadManyAsync<CooperativeReplica>(both.Token, chunk);
                        var now = Stopwatch.GetTimestamp();
                        foreach (var replica in found)
                        {
                            Seen.TryAdd(replica.Id, now);
                            _pending.TryRemove(replica.Id, out _);
                        }
                    }

                    await Task.Delay(PollInterval, both.Token);
                }
            }
            catch (OperationCanceledException) when (both.IsCancellationRequested)
            {
                // Stopped.
            }
        }

        public void Dispose() => _stop.Dispose();
    }

    /// <summary>A raw AMQP consumer: a server-named queue of its own bound to the contract's exchange, acknowledging automatically.</summary>
    private sealed class RawSubscriber : IAsyncDisposable
    {
        private readonly IConnection _connection;
        private readonly IChannel _channel;

        private RawSubscriber(IConnection connection, IChannel channel)
        {
            _connection = connection;
            _channel = channel;
        }

        /// <summary>When each koperasi's registration reached the subscriber (<see cref="Stopwatch.GetTimestamp"/>).</summary>
        public ConcurrentDictionary<Guid, long> Arrived { get; } = new();

        public static async Task<RawSubscriber> StartAsync(string exchange, CancellationToken cancellationToken)
        {
            var connection = await RawEngines.Factory().CreateConnectionAsync(cancellationToken);
            var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
            var subscriber = new RawSubscriber(connection, channel);
            // Declared as MassTransit declares a published type's exchange (fanout, durable), so whichever comes first, both agree.
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
            var queue = await channel.QueueDeclareAsync(cancellationToken: cancellationToken);
            await channel.QueueBindAsync(queue.QueueName, exchange, "", cancellationToken: cancellationToken);
            var consumer = new AsyncEventingBasicConsumer(channel);
            consumer.ReceivedAsync += (_, delivery) =>
            {
                var now = Stopwatch.GetTimestamp();
                using var envelope = JsonDocument.Parse(delivery.Body);
                subscriber.Arrived.TryAdd(envelope.RootElement.GetProperty("message").GetProperty("cooperativeId").GetGuid(), now);
                return Task.CompletedTask;
            };
            await channel.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer, cancellationToken);
            return subscriber;
        }

        public async ValueTask DisposeAsync()
        {
            await _channel.DisposeAsync();
            await _connection.DisposeAsync();
        }
    }
}
