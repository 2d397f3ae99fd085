using Koperasi.ServiceDefaults.Persistence;
using Koperasi.ServiceDefaults.Time;
using Marten;
using Microsoft.Extensions.Options;

namespace Koperasi.Registry.Activity;

/// <summary>
/// Runs <see cref="EvaluateActivity"/> on a schedule (Activity:EvaluationInterval, default hourly), on the
/// one replica elected for it (<see cref="ElectedWork"/>, ADR 0018).
/// </summary>
public sealed partial class ActivityEvaluationScheduler(
    LeaderElection election,
    IDocumentStore store,
    TimeProvider clock,
    IOptions<ActivityPolicy> policy,
    IConfiguration configuration,
    ILogger<ActivityEvaluationScheduler> logger) : BackgroundService
{
    /// <summary>The name of the elected work (its advisory lock).</summary>
    public const string ElectedWork = "activity-evaluation";

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        election.EveryWhileLeaderAsync(
            ElectedWork,
            configuration.GetValue("Activity:EvaluationInterval", TimeSpan.FromHours(1)),
            clock,
            async cancellationToken =>
            {
                var result = await EvaluateActivity.RunAsync(store, clock.Today(), policy.Value, cancellationToken);
                LogRan(result.Today, result.Evaluated);
                if (result.Changed > 0)
                {
                    LogEvaluated(result.Today, result.Changed);
                }
            },
            LogFailed,
            stoppingToken);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Activity evaluation for {Today} ran on this replica: {Evaluated} koperasi looked at")]
    private partial void LogRan(DateOnly today, int evaluated);

    [LoggerMessage(Level = LogLevel.Information, Message = "Activity evaluated for {Today}: {Changed} koperasi changed activity")]
    private partial void LogEvaluated(DateOnly today, int changed);

    [LoggerMessage(Level = LogLevel.Error, Message = "The scheduled activity evaluation failed; it runs again at the next interval")]
    private partial void LogFailed(Exception exception);
}
