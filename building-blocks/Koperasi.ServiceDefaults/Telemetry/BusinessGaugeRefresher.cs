using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Koperasi.ServiceDefaults.Telemetry;

/// <summary>Refreshes the business gauges at start and then every <c>Metrics:BusinessGaugeInterval</c>.</summary>
public sealed partial class BusinessGaugeRefresher(BusinessGauges gauges, IConfiguration configuration, ILogger<BusinessGaugeRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue(BusinessGauges.IntervalKey, BusinessGauges.DefaultInterval);
        // Wall-clock time, not the injected clock: the cadence of a scrape cache, not a business date.
        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                await gauges.RefreshAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The business gauges could not be refreshed; they keep their last counts until the next interval")]
    private partial void LogFailed(Exception exception);
}
