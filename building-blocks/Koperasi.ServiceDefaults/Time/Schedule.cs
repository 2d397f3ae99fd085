namespace Koperasi.ServiceDefaults.Time;

/// <summary>One loop for a job a service runs on a schedule (the activity evaluation, the watch of dissolution deadlines).</summary>
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
}
