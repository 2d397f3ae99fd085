using Koperasi.ServiceDefaults.Persistence;
using Koperasi.ServiceDefaults.Time;
using Koperasi.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Koperasi.ServiceDefaults.Tests;

/// <summary>
/// The one schedule loop (ServiceDefaults/Time/Schedule) on the real PostgreSQL: of two replicas, the
/// one elected runs the job on every interval and the other never does, until the first stops; a
/// failed run is reported and the job runs again.
/// </summary>
public sealed class ScheduleTests
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);
    private readonly string _schema = $"{TestInfrastructure.RunId}_schedule_{Guid.NewGuid():N}";

    private LeaderElection Replica() =>
        new(TestInfrastructure.TestDatabase("funding"), _schema, Poll, NullLogger<LeaderElection>.Instance);

    [Fact]
    public async Task Of_two_replicas_exactly_one_runs_the_scheduled_job_until_it_stops()
    {
        var runs = new Dictionary<string, int> { ["first"] = 0, ["second"] = 0 };
        Func<CancellationToken, Task> Job(string replica) => _ =>
        {
            lock (runs)
            {
                runs[replica]++;
            }

            return Task.CompletedTask;
        };
        int Runs(string replica)
        {
            lock (runs)
            {
                return runs[replica];
            }
        }

        using var stopFirst = new CancellationTokenSource();
        using var stopSecond = new CancellationTokenSource();
        var first = Replica().EveryWhileLeaderAsync("evaluation", Interval, TimeProvider.System, Job("first"), _ => { }, stopFirst.Token);
        await Eventually.UntilAsync(() => Task.FromResult(Runs("first") > 0), "the first replica to run the job");
        var second = Replica().EveryWhileLeaderAsync("evaluation", Interval, TimeProvider.System, Job("second"), _ => { }, stopSecond.Token);
        await Task.Delay(Poll * 6, TestContext.Current.CancellationToken);

        Runs("first").ShouldBeGreaterThan(5, "the leader runs on every interval");
        Runs("second").ShouldBe(0, "the other replica does not run it");

        await stopFirst.CancelAsync();
        await first;
        var ranByFirst = Runs("first");
        await Eventually.UntilAsync(() => Task.FromResult(Runs("second") > 0), "the second replica to take over");
        await Task.Delay(Interval * 4, TestContext.Current.CancellationToken);
        Runs("first").ShouldBe(ranByFirst, "a stopped replica runs nothing more");

        await stopSecond.CancelAsync();
        await second;
    }

    [Fact]
    public async Task A_failed_run_is_reported_and_the_job_runs_again_at_the_next_interval()
    {
        var attempts = 0;
        var failures = new List<Exception>();
        using var stop = new CancellationTokenSource();
        var loop = Schedule.EveryAsync(Interval, TimeProvider.System, _ =>
            Interlocked.Increment(ref attempts) == 1 ? throw new InvalidOperationException("the database is away") : Task.CompletedTask,
            exception =>
            {
                lock (failures)
                {
                    failures.Add(exception);
                }
            },
            stop.Token);

        await Eventually.UntilAsync(() => Task.FromResult(Volatile.Read(ref attempts) >= 3), "the job to run again after a failure");
        await stop.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(() => loop);

        lock (failures)
        {
            failures.Select(f => f.Message).ShouldBe(["the database is away"]);
        }
    }
}
