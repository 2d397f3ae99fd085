using Koperasi.ServiceDefaults.Time;
using Marten;
using Microsoft.Extensions.Options;

namespace Koperasi.Registry.Activity;

/// <summary>Runs <see cref="EvaluateActivity"/> on a schedule (Activity:EvaluationInterval, default hourly).</summary>
public sealed partial class ActivityEvaluationScheduler(
    IDocumentStore store,
    TimeProvider clock,
    IOptions<ActivityPolicy> policy,
    IConfiguration configuration,
    ILogger<ActivityEvaluationScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue("Activity:EvaluationInterval", TimeSpan.FromHours(1));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var result = await EvaluateActivity.RunAsync(store, clock.Today(), policy.Value, stoppingToken);
                if (result.Changed > 0)
                {
                    LogEvaluated(result.Today, result.Changed);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(exception);
            }

            await Task.Delay(interval, clock, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Activity evaluated for {Today}: {Changed} koperasi changed activity")]
    private partial void LogEvaluated(DateOnly today, int changed);

    [LoggerMessage(Level = LogLevel.Error, Message = "The scheduled activity evaluation failed; it runs again at the next interval")]
    private partial void LogFailed(Exception exception);
}
