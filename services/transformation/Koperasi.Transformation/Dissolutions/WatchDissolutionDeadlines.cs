using Koperasi.ServiceDefaults.Persistence;
using Koperasi.ServiceDefaults.Time;
using Marten;
using Microsoft.Extensions.Options;

namespace Koperasi.Transformation.Dissolutions;

/// <summary>
/// The scheduled evaluation of the dissolution deadlines: over the open cases, records each deadline
/// passed (<see cref="DissolutionDeadlineMissed"/>) once on its case, so the case's history shows it
/// and GET .../deadlines lists it overdue. Each case is written at the version it was read at; a case
/// changed meanwhile is left for the next run.
/// </summary>
public static class WatchDissolutionDeadlines
{
    public sealed record Result(DateOnly Today, int CasesRecorded, int DeadlinesMissed);

    public static async Task<Result> RunAsync(IDocumentStore store, DateOnly today, DissolutionOptions options, CancellationToken cancellationToken)
    {
        IReadOnlyList<DissolutionCase> open;
        await using (var query = store.QuerySession())
        {
            open = await query.Query<DissolutionCase>()
                .Where(c => c.Stage != DissolutionStage.Dissolved && c.Stage != DissolutionStage.Rejected && c.Stage != DissolutionStage.Withdrawn)
                .ToListAsync(cancellationToken);
        }

        var cases = 0;
        var missed = 0;
        foreach (var c in open)
        {
            var events = c.RecordMissedDeadlines(today, options);
            if (events.Count == 0)
            {
                continue;
            }

            await using var session = store.LightweightSession();
            try
            {
                var stream = await session.Events.FetchForWriting<DissolutionCase>(c.Id, c.Version, cancellationToken);
                stream.AppendMany(events.Cast<object>());
                await session.SaveChangesAsync(cancellationToken);
                cases++;
                missed += events.Count;
            }
            catch (JasperFx.ConcurrencyException)
            {
                // The case moved since it was read: the next run decides on what it is then.
            }
        }

        return new Result(today, cases, missed);
    }
}

/// <summary>
/// Runs <see cref="WatchDissolutionDeadlines"/> on a schedule (Dissolution:DeadlineEvaluationInterval, default hourly),
/// on the one replica elected for it (<see cref="ElectedWork"/>, ADR 0018).
/// </summary>
public sealed partial class DissolutionDeadlineScheduler(
    LeaderElection election,
    IDocumentStore store,
    TimeProvider clock,
    IOptions<DissolutionOptions> options,
    IConfiguration configuration,
    ILogger<DissolutionDeadlineScheduler> logger) : BackgroundService
{
    /// <summary>The name of the elected work (its advisory lock).</summary>
    public const string ElectedWork = "dissolution-deadlines";

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        election.EveryWhileLeaderAsync(
            ElectedWork,
            configuration.GetValue("Dissolution:DeadlineEvaluationInterval", TimeSpan.FromHours(1)),
            clock,
            async cancellationToken =>
            {
                var result = await WatchDissolutionDeadlines.RunAsync(store, clock.Today(), options.Value, cancellationToken);
                LogEvaluated(result.Today, result.DeadlinesMissed);
                if (result.DeadlinesMissed > 0)
                {
                    LogRecorded(result.Today, result.DeadlinesMissed, result.CasesRecorded);
                }
            },
            LogFailed,
            stoppingToken);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Dissolution deadlines evaluated for {Today} on this replica: {Missed} missed")]
    private partial void LogEvaluated(DateOnly today, int missed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dissolution deadlines evaluated for {Today}: {Missed} missed deadline(s) recorded on {Cases} case(s)")]
    private partial void LogRecorded(DateOnly today, int missed, int cases);

    [LoggerMessage(Level = LogLevel.Error, Message = "The scheduled evaluation of dissolution deadlines failed; it runs again at the next interval")]
    private partial void LogFailed(Exception exception);
}
