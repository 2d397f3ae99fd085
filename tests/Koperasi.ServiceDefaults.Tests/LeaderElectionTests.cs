using System.Diagnostics;
using Koperasi.ServiceDefaults.Persistence;
using Koperasi.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Koperasi.ServiceDefaults.Tests;

/// <summary>
/// The election of the replica that runs imports or disbursements, on the real PostgreSQL: of two
/// replicas one runs the work at a time; when it stops, the other takes over; other schemas and
/// other works are elected apart.
/// </summary>
public sealed class LeaderElectionTests
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);
    private readonly string _schema = $"{TestInfrastructure.RunId}_election_{Guid.NewGuid():N}";

    private LeaderElection Replica(string? schema = null) =>
        new(TestInfrastructure.TestDatabase("funding"), schema ?? _schema, Poll, NullLogger<LeaderElection>.Instance);

    [Fact]
    public async Task One_replica_runs_the_work_at_a_time_and_the_other_takes_over_when_it_stops()
    {
        var running = 0;
        var most = 0;
        var ran = new List<string>();
        Func<CancellationToken, Task> Work(string replica) => async token =>
        {
            lock (ran)
            {
                ran.Add(replica);
                most = Math.Max(most, ++running);
            }

            try
            {
                await Task.Delay(Timeout.Infinite, token);
            }
            finally
            {
                lock (ran)
                {
                    running--;
                }
            }
        };

        using var stopFirst = new CancellationTokenSource();
        using var stopSecond = new CancellationTokenSource();
        var first = Replica().RunWhileLeaderAsync("work", Work("first"), stopFirst.Token);
        await Eventually.UntilAsync(() => Task.FromResult(Ran(ran).Contains("first")), "the first replica to be elected");
        var second = Replica().RunWhileLeaderAsync("work", Work("second"), stopSecond.Token);
        await Task.Delay(Poll * 5, TestContext.Current.CancellationToken);
        Ran(ran).ShouldBe(["first"]);

        var stopped = Stopwatch.StartNew();
        await stopFirst.CancelAsync();
        await first;
        await Eventually.UntilAsync(() => Task.FromResult(Ran(ran).Contains("second")), "the second replica to take over");
        TestContext.Current.TestOutputHelper?.WriteLine($"The second replica took over in {stopped.ElapsedMilliseconds} ms.");

        await stopSecond.CancelAsync();
        await second;
        Ran(ran).ShouldBe(["first", "second"]);
        most.ShouldBe(1);
    }

    [Fact]
    public async Task Other_works_and_other_schemas_are_elected_apart()
    {
        var started = new List<string>();
        Func<CancellationToken, Task> Work(string name) => async token =>
        {
            lock (started)
            {
                started.Add(name);
            }

            await Task.Delay(Timeout.Infinite, token);
        };

        using var stop = new CancellationTokenSource();
        var runs = new[]
        {
            Replica().RunWhileLeaderAsync("imports", Work("imports"), stop.Token),
            Replica().RunWhileLeaderAsync("disbursements", Work("disbursements"), stop.Token),
            Replica(_schema + "_other").RunWhileLeaderAsync("imports", Work("other schema"), stop.Token),
        };
        await Eventually.UntilAsync(() => Task.FromResult(Ran(started).Count == 3), "all three to be elected");
        await stop.CancelAsync();
        await Task.WhenAll(runs);
        Ran(started).Order().ShouldBe(["disbursements", "imports", "other schema"]);
    }

    [Fact]
    public void The_lock_keys_differ_by_schema_and_work_and_are_stable()
    {
        LeaderElection.LockKey("registry", "imports").ShouldBe(LeaderElection.LockKey("registry", "imports"));
        LeaderElection.LockKey("registry", "imports").ShouldNotBe(LeaderElection.LockKey("registry", "disbursements"));
        LeaderElection.LockKey("registry", "imports").ShouldNotBe(LeaderElection.LockKey("t1_registry", "imports"));
        MartenDefaults.DaemonLockId("registry").ShouldNotBe(MartenDefaults.DaemonLockId("t1_registry"));
    }

    private static List<string> Ran(List<string> ran)
    {
        lock (ran)
        {
            return [.. ran];
        }
    }
}
