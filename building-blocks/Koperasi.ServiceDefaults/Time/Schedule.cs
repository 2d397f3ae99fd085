using Koperasi.ServiceDefaults.Persistence;

namespace Koperasi.ServiceDefaults.Time;

/// <summary>
/// The one loop for a job a service runs on a schedule (the activity evaluation, the watch of
/// dissolution deadlines), on the replica elected for it: of several replicas of a service on one
/// database, one runs the job, as for imports and disbursements (ADR 0018).
/// </summary>
public static class Schedule
{
    /// <summary>
    /// Runs <paramref name="job"/> now and then every <paramref name="interval"/> of <paramref name="clock"/> until
    /// <paramref name="stoppingToken"/> is cancelled. A failed run goes to <paramref name="failed"/> and the job runs
    /// again at the next interval.
    /// </summary>
    public static async Task EveryAsync(TimeSpan interval, TimeProvider clock, Func<CancellationToken, Task> job, Action<Exception> failed, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(failed);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await job(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                failed(exception);
            }

            await Task.Delay(interval, clock, stoppingToken);
        }
    }

    /// <summary>
    /// As <see cref="EveryAsync"/>, on the one replica that <paramref name="election"/> elects for
    /// <paramref name="work"/>: the others wait and take over when it stops or loses its lock; the
    /// new leader runs the job at once.
    /// </summary>
    public static Task EveryWhileLeaderAsync(
        this LeaderElection election, string work, TimeSpan interval, TimeProvider clock, Func<CancellationToken, Task> job, Action<Exception> failed, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(election);
        return election.RunWhileLeaderAsync(work, leading => EveryAsync(interval, clock, job, failed, leading), stoppingToken);
    }
}
