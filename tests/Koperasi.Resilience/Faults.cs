using System.Diagnostics;
using Npgsql;

namespace Koperasi.Resilience;

/// <summary>The six rows: each starts its platform, puts it under load, breaks one thing, and counts.</summary>
public sealed class Faults(string root, Servers servers, ResilienceOptions options, TextWriter log)
{
    public static readonly IReadOnlyDictionary<int, string> Names = new Dictionary<int, string>
    {
        [1] = "broker stopped and started again",
        [2] = "PostgreSQL killed (SIGKILL) and restarted",
        [3] = "Registry process killed (SIGKILL) mid-load and restarted",
        [4] = "daemon leader killed, two Registry replicas",
        [5] = "consumer (Transformation) killed while working through a backlog",
        [6] = "writers rolling back (sequence gaps) during a relay burst",
    };

    private TimeSpan Load => TimeSpan.FromSeconds(options.Seconds);

    public Task<RowResult> RunAsync(int row, CancellationToken cancellationToken) => row switch
    {
        1 => BrokerStoppedAsync(cancellationToken),
        2 => PostgresKilledAsync(cancellationToken),
        3 => ServiceKilledAsync(cancellationToken),
        4 => LeaderKilledAsync(cancellationToken),
        5 => ConsumerKilledAsync(cancellationToken),
        6 => GapsDuringBurstAsync(cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(row)),
    };

    /// <summary>Row 1: the broker stops for the outage, then starts again; commands go on meanwhile.</summary>
    private async Task<RowResult> BrokerStoppedAsync(CancellationToken cancellationToken)
    {
        await using var platform = await Platform.StartAsync(root, "r1", 1, transformation: false, cancellationToken);
        var clock = Stopwatch.StartNew();
        await using var load = WriteLoad.Start(platform.Client, options.Rate);
        await Task.Delay(Load / 4, cancellationToken);
        var stopped = DateTimeOffset.UtcNow;
        await servers.StopBrokerAsync(cancellationToken);
        await Task.Delay(Max(TimeSpan.FromSeconds(options.BrokerOutageSeconds) - (DateTimeOffset.UtcNow - stopped), TimeSpan.Zero), cancellationToken);
        await servers.StartAgainAsync(cancellationToken);
        var back = DateTimeOffset.UtcNow;
        log.WriteLine($"  the broker was away {(back - stopped).TotalSeconds:0.0} s");
        await Task.Delay(Max(Load * 3 / 4, TimeSpan.FromSeconds(5)), cancellationToken);
        await load.StopAsync();
        // Recovery: from the broker's return until the last fact acknowledged while it was away arrived.
        return await CountAsync(1, platform, load, clock, facts =>
        {
            var during = load.Acknowledged.Where(a => a.At >= stopped && a.At < back).Select(a => a.CooperativeId).ToHashSet();
            var arrivals = facts.Where(f => during.Contains(f.CooperativeId)).Select(f => f.ReceivedAt).ToList();
            return during.Count > 0 && arrivals.Count > 0 ? arrivals.Max() - back : null;
        }, "from the broker's return until the last fact acknowledged during the outage reached the subscriber",
        [$"broker stopped {(back - stopped).TotalSeconds:0} s (rabbitmqctl stop, then deploy/infra.sh up)"], null, cancellationToken);
    }

    /// <summary>Row 2: PostgreSQL's postmaster is killed with SIGKILL and started again a few seconds later.</summary>
    private async Task<RowResult> PostgresKilledAsync(CancellationToken cancellationToken)
    {
        await using var platform = await Platform.StartAsync(root, "r2", 1, transformation: false, cancellationToken);
        var clock = Stopwatch.StartNew();
        await using var load = WriteLoad.Start(platform.Client, options.Rate);
        await Task.Delay(Load / 4, cancellationToken);
        var killed = DateTimeOffset.UtcNow;
        await servers.KillPostgresAsync(cancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
        var refusedBefore = load.Refused.ToDictionary();
        await servers.StartAgainAsync(cancellationToken);
        var back = DateTimeOffset.UtcNow;
        // The harness's own pooled connections died with the server (the services' are theirs to mend).
        NpgsqlConnection.ClearAllPools();
        log.WriteLine($"  PostgreSQL was away {(back - killed).TotalSeconds:0.0} s");
        var ready = Stopwatch.StartNew();
        await platform.Registries[0].WaitReadyAsync(Platform.Ready, TimeSpan.FromSeconds(120), cancellationToken);
        var readyAfter = ready.Elapsed;
        await Task.Delay(Max(Load * 3 / 4, TimeSpan.FromSeconds(5)), cancellationToken);
        await load.StopAsync();
        return await CountAsync(2, platform, load, clock, _ => FirstAcknowledgedAfter(load, back),
            "from PostgreSQL's restart until the first command sent after it was acknowledged through the gateway",
        [
            $"PostgreSQL away {(back - killed).TotalSeconds:0} s; the Registry answered ready again {readyAfter.TotalSeconds:0.0} s after the restart, by itself",
            $"answers during the outage: {Answers(refusedBefore)}",
        ], null, cancellationToken);
    }

    /// <summary>Row 3: the Registry's only process is killed with SIGKILL and started again after a second, as ./run.sh does.</summary>
    private async Task<RowResult> ServiceKilledAsync(CancellationToken cancellationToken)
    {
        await using var platform = await Platform.StartAsync(root, "r3", 1, transformation: false, cancellationToken);
        var clock = Stopwatch.StartNew();
        await using var load = WriteLoad.Start(platform.Client, options.Rate);
        await Task.Delay(Load / 3, cancellationToken);
        var registry = platform.Registries[0];
        var killed = DateTimeOffset.UtcNow;
        await registry.KillAsync();
        log.WriteLine("  the Registry killed (SIGKILL)");
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        await registry.StartAsync(Platform.Ready, cancellationToken);
        await Task.Delay(Max(Load * 2 / 3, TimeSpan.FromSeconds(3)), cancellationToken);
        await load.StopAsync();
        return await CountAsync(3, platform, load, clock, _ => FirstAcknowledgedAfter(load, killed),
            "from the kill until the first command sent after it was acknowledged through the gateway (the restart 1 s later and the start-up included)",
            ["one process, started again 1 s after the kill (./run.sh's first back-off)"], null, cancellationToken);
    }

    /// <summary>Row 4: two replicas; the one leading the daemon (the relay's publisher) is killed.</summary>
    private async Task<RowResult> LeaderKilledAsync(CancellationToken cancellationToken)
    {
        await using var platform = await Platform.StartAsync(root, "r4", 2, transformation: false, cancellationToken);
        var clock = Stopwatch.StartNew();
        await using var load = WriteLoad.Start(platform.Client, options.Rate);
        await Task.Delay(Load / 3, cancellationToken);
        var publisher = await WaitAsync(() => platform.Subscriber.Facts.LastOrDefault()?.PublisherProcessId, TimeSpan.FromSeconds(60), cancellationToken)
            ?? throw new InvalidOperationException("No fact was published before the leader's kill.");
        var leader = platform.Registries.Single(r => r.Id == publisher);
        var survivor = platform.Registries.Single(r => r != leader);
        var killed = DateTimeOffset.UtcNow;
        await leader.KillAsync();
        log.WriteLine($"  the leader (pid {publisher}) killed (SIGKILL)");
        var survivorId = survivor.Id;
        await WaitAsync(() => platform.Subscriber.Facts.Any(f => f.PublisherProcessId == survivorId) ? true : (bool?)null, TimeSpan.FromSeconds(120), cancellationToken);
        // As ./run.sh would, the dead replica is started again (now a follower).
        await leader.StartAsync(Platform.Ready, cancellationToken);
        await Task.Delay(Max(Load * 2 / 3 - (DateTimeOffset.UtcNow - killed), TimeSpan.FromSeconds(3)), cancellationToken);
        await load.StopAsync();
        return await CountAsync(4, platform, load, clock, facts =>
            facts.Where(f => f.PublisherProcessId == survivorId && f.ReceivedAt >= killed).Select(f => f.ReceivedAt).DefaultIfEmpty().Min() is var first && first > killed ? first - killed : null,
            "from the leader's kill until the other replica published its first fact (HotCold takeover)",
            ["HotCold, Marten's default leadership polling (5 s); the gateway spreads the load over both replicas; the killed one started again as a follower"], null, cancellationToken);
    }

    /// <summary>Row 5: a backlog waits in the consumer's queue; the consumer is killed over and over while it works through it.</summary>
    private async Task<RowResult> ConsumerKilledAsync(CancellationToken cancellationToken)
    {
        await using var platform = await Platform.StartAsync(root, "r5", 1, transformation: true, cancellationToken);
        var consumer = platform.Transformation!;
        var clock = Stopwatch.StartNew();
        await consumer.KillAsync();
        // The backlog: registrations relayed while the consumer is down wait in its queue.
        var backlog = await WriteLoad.BurstAsync(platform.Client, options.Backlog, 4);
        var backlogIds = backlog.Acknowledged.Select(a => a.CooperativeId).ToHashSet();
        await WaitAsync(() => backlogIds.IsSubsetOf(platform.Subscriber.Facts.Select(f => f.CooperativeId)) ? true : (bool?)null,
            TimeSpan.FromSeconds(options.SettleSeconds), cancellationToken);
        await using var load = WriteLoad.Start(platform.Client, options.Rate);
        var restarted = DateTimeOffset.UtcNow;
        var random = new Random(15);
        for (var kill = 1; kill <= options.Kills; kill++)
        {
            await consumer.StartAsync(Platform.Ready, cancellationToken);
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(300, 1500)), cancellationToken);
            await consumer.KillAsync();
            log.WriteLine($"  consumer killed ({kill} of {options.Kills}); it knows {(await KnownAsync(platform, cancellationToken)).Count} koperasi");
        }

        await consumer.StartAsync(Platform.Ready, cancellationToken);
        await load.StopAsync();
        var published = await WaitAsync(async () =>
        {
            var delivered = platform.Subscriber.Facts.Select(f => f.CooperativeId).ToHashSet();
            var known = await KnownAsync(platform, cancellationToken);
            return delivered.IsSubsetOf(known) ? delivered : null;
        }, TimeSpan.FromSeconds(options.SettleSeconds), cancellationToken);
        var caughtUp = DateTimeOffset.UtcNow - restarted;

        var result = await CountAsync(5, platform, load, clock, _ => null, "", [], backlog, cancellationToken);
        // The consumer's side: every fact the subscriber saw is known to it, and applied once.
        var knownNow = await KnownAsync(platform, cancellationToken);
        var delivered = platform.Subscriber.Facts.Select(f => f.CooperativeId).ToHashSet();
        var lostAtConsumer = delivered.Count(id => !knownNow.Contains(id));
        var appliedTwice = await AppliedMoreThanOnceAsync(platform, cancellationToken);
        return result with
        {
            Lost = result.Lost + lostAtConsumer,
            Duplicated = result.Duplicated + appliedTwice,
            Recovery = published is null ? null : caughtUp,
            RecoveryMeaning = $"from the consumer's first restart until it knew every published koperasi ({options.Kills} kills on the way)",
            Notes =
            [
                $"backlog of {options.Backlog} registrations queued while the consumer was down, plus the steady load; killed {options.Kills} times 0.3-1.5 s after each start",
                $"at the consumer: {knownNow.Count} koperasi known, {lostAtConsumer} published but unknown to it, {appliedTwice} applied more than once (its inbox of processed messages)",
            ],
        };
    }

    /// <summary>
    /// Row 6: concurrent writers take numbers from the event sequence and roll back (the gaps Marten
    /// skips as HighWaterStuckGap) while a burst of registrations makes the relay publish.
    /// </summary>
    private async Task<RowResult> GapsDuringBurstAsync(CancellationToken cancellationToken)
    {
        await using var platform = await Platform.StartAsync(root, "r6", 1, transformation: false, cancellationToken);
        var clock = Stopwatch.StartNew();
        await using var load = WriteLoad.Start(platform.Client, options.Rate);
        using var stopGaps = new CancellationTokenSource();
        var rolledBack = 0;
        var gaps = Enumerable.Range(0, 4).Select(writer => Task.Run(async () =>
        {
            var random = new Random(writer);
            await using var connection = Platform.Database("registry");
            await connection.OpenAsync(cancellationToken);
            while (!stopGaps.IsCancellationRequested)
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await using (var take = new NpgsqlCommand($"select nextval('\"{platform.Schema}\".mt_events_sequence')", connection, transaction))
                {
                    await take.ExecuteScalarAsync(cancellationToken);
                }

                await Task.Delay(random.Next(5, 200), cancellationToken);
                await transaction.RollbackAsync(cancellationToken);
                Interlocked.Increment(ref rolledBack);
            }
        }, cancellationToken)).ToList();
        var burst = await WriteLoad.BurstAsync(platform.Client, options.Burst, 8);
        var burstEnd = DateTimeOffset.UtcNow;
        await stopGaps.CancelAsync();
        await Task.WhenAll(gaps);
        await Task.Delay(Max(Load / 3, TimeSpan.FromSeconds(2)), cancellationToken);
        await load.StopAsync();
        var burstIds = burst.Acknowledged.Select(a => a.CooperativeId).ToHashSet();
        return await CountAsync(6, platform, load, clock, facts =>
        {
            var arrivals = facts.Where(f => burstIds.Contains(f.CooperativeId)).Select(f => f.ReceivedAt).ToList();
            return arrivals.Count > 0 ? arrivals.Max() - burstEnd : null;
        }, "from the burst's last command until its last fact reached the subscriber",
        [$"burst of {options.Burst} registrations on 8 connections beside the steady load; {rolledBack} transactions took a sequence number and rolled back meanwhile (4 writers)"],
        burst, cancellationToken);
    }

    /// <summary>Waits for the facts to arrive (every acknowledged and committed registration, or the settle time), then counts.</summary>
    private async Task<RowResult> CountAsync(
        int row, Platform platform, WriteLoad load, Stopwatch clock,
        Func<IReadOnlyCollection<Fact>, TimeSpan?> recovery, string recoveryMeaning, IReadOnlyList<string> notes, WriteLoad? also, CancellationToken cancellationToken)
    {
        var acknowledged = load.Acknowledged.Concat(also?.Acknowledged ?? []).Select(a => a.CooperativeId).ToHashSet();
        var committed = await WaitAsync(async () =>
        {
            var inLog = await platform.CommittedRegistrationsAsync(cancellationToken);
            var delivered = platform.Subscriber.Facts.Select(f => f.CooperativeId).ToHashSet();
            return acknowledged.IsSubsetOf(delivered) && inLog.IsSubsetOf(delivered) ? inLog : null;
        }, TimeSpan.FromSeconds(options.SettleSeconds), cancellationToken) ?? await platform.CommittedRegistrationsAsync(cancellationToken);

        // Redeliveries of the last page after a takeover, if any, arrive now too.
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        var facts = platform.Subscriber.Facts.ToList();
        var deliveredIds = facts.Select(f => f.CooperativeId).ToHashSet();
        var refused = load.Refused.ToDictionary();
        foreach (var (answer, count) in also?.Refused ?? new Dictionary<string, int>())
        {
            refused[answer] = refused.GetValueOrDefault(answer) + count;
        }

        var result = new RowResult(
            row,
            Names[row],
            acknowledged.Count,
            refused,
            committed.Count,
            deliveredIds.Count,
            Lost: acknowledged.Union(committed).Count(id => !deliveredIds.Contains(id)),
            Duplicated: facts.GroupBy(f => f.CooperativeId).Count(g => g.Select(f => f.MessageId).Distinct().Count() > 1),
            Redelivered: facts.Count - facts.Select(f => f.MessageId).Distinct().Count(),
            DeliveredUnacknowledged: deliveredIds.Count(id => !acknowledged.Contains(id)),
            recovery(facts),
            recoveryMeaning,
            clock.Elapsed,
            notes);
        log.WriteLine($"  row {row}: {result.Acknowledged} acknowledged, {result.Delivered} delivered, {result.Lost} lost, {result.Duplicated} duplicated; refused: {Answers(refused)}");
        return result;
    }

    private static async Task<HashSet<Guid>> KnownAsync(Platform platform, CancellationToken cancellationToken)
    {
        var known = new HashSet<Guid>();
        try
        {
            await using var connection = Platform.Database("transformation");
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"select id from \"{platform.Schema}\".mt_doc_known_cooperative", connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                known.Add(reader.GetGuid(0));
            }
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            // Nothing learned yet: the table comes with the first document.
        }

        return known;
    }

    /// <summary>Koperasi whose registration the consumer applied more than once: its inbox rows of the registration consumer, by the koperasi each message was about.</summary>
    private static async Task<int> AppliedMoreThanOnceAsync(Platform platform, CancellationToken cancellationToken)
    {
        var messages = platform.Subscriber.Facts.GroupBy(f => f.MessageId).ToDictionary(g => g.Key, g => g.First().CooperativeId);
        var applied = new List<Guid>();
        await using var connection = Platform.Database("transformation");
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"select data->>'messageId' from \"{platform.Schema}\".mt_doc_processed_message where data->>'consumer' like '%CooperativeRegistered%'", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (Guid.TryParse(reader.GetString(0), out var id) && messages.TryGetValue(id, out var cooperative))
            {
                applied.Add(cooperative);
            }
        }

        return applied.GroupBy(id => id).Count(g => g.Count() > 1);
    }

    /// <summary>From the moment until the answer to the first command sent after it that was acknowledged.</summary>
    private static TimeSpan? FirstAcknowledgedAfter(WriteLoad load, DateTimeOffset moment) =>
        load.Acknowledged.Where(a => a.SentAt > moment).Select(a => a.At).DefaultIfEmpty().Min() is var first && first > moment ? first - moment : null;

    private static string Answers(Dictionary<string, int> refused) =>
        refused.Count == 0 ? "none refused" : string.Join(", ", refused.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Value} × {r.Key}"));

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static async Task<T?> WaitAsync<T>(Func<T?> probe, TimeSpan timeout, CancellationToken cancellationToken) =>
        await WaitAsync(() => Task.FromResult(probe()), timeout, cancellationToken);

    private static async Task<T?> WaitAsync<T>(Func<Task<T?>> probe, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            if (deadline.Elapsed > timeout)
            {
                return default;
            }

            await Task.Delay(200, cancellationToken);
        }
    }
}
