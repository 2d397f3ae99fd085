using System.Diagnostics;
using Koperasi.ServiceDefaults.PersonalData;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Koperasi.ServiceDefaults.Telemetry;

/// <summary>OpenTelemetry for traces, metrics and logs.</summary>
public static class TelemetryDefaults
{
    /// <summary>
    /// Traces follow a request from ASP.NET Core through Marten and Npgsql onto the bus
    /// (MassTransit carries the W3C context to the consumer); metrics cover requests, the
    /// runtime, Marten, MassTransit, the relay and the service's own meters (names starting with
    /// <c>Koperasi.</c>). Export goes to OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; the
    /// metrics are also scraped at <c>/metrics</c>. Spans have their NIKs masked before export.
    /// </summary>
    public static IHostApplicationBuilder AddKoperasiTelemetry(this IHostApplicationBuilder builder, string serviceName)
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("Marten", "MassTransit", "Koperasi.*")
                .AddPrometheusExporter())
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(options => options.Filter = IsWorthTracing)
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddSource("Marten", "MassTransit", "Koperasi.*")
                .AddProcessor(new DaemonPollingFilter())
                .AddProcessor(new PersonalDataSpanProcessor()));

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }

        return builder;
    }

    private static bool IsWorthTracing(HttpContext context) =>
        !context.Request.Path.StartsWithSegments("/health") && !context.Request.Path.StartsWithSegments("/metrics");

    /// <summary>
    /// Marten's daemon polls the high-water mark about once a second; those root spans would
    /// drown every real trace, so they are not recorded.
    /// </summary>
    private sealed class DaemonPollingFilter : BaseProcessor<Activity>
    {
        public override void OnEnd(Activity data)
        {
            if (data.Parent is null
                && data.Source.Name.StartsWith("Marten", StringComparison.Ordinal)
                && (data.OperationName.Contains("high", StringComparison.OrdinalIgnoreCase)
                    || data.OperationName.Contains("daemon", StringComparison.OrdinalIgnoreCase)))
            {
                data.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
            }
        }
    }
}
