using Koperasi.Funding.Applications;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Koperasi.Funding.Disbursements;

/// <summary>Paying decreed grants through the bank: the adapter and its pipeline, the processor, the endpoints.</summary>
public static class DisbursementFeature
{
    public const string PipelineName = "bank";

    public static IHostApplicationBuilder AddDisbursements(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<BankSettings>()
            .Bind(builder.Configuration.GetSection(BankSettings.Section))
            .Validate(settings => { settings.Validate(); return true; })
            .ValidateOnStart();
        builder.Services.AddSingleton<DisbursementSignal>();
        builder.Services.AddSingleton<BankCircuit>();
        builder.Services.AddSingleton<DisbursementMetrics>();

        builder.Services.AddHttpClient<BankClient>((provider, client) =>
            {
                client.BaseAddress = provider.GetRequiredService<IOptions<BankSettings>>().Value.BaseAddress;
                // The pipeline's timeouts govern.
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddResilienceHandler(PipelineName, (pipeline, context) =>
            {
                var settings = context.ServiceProvider.GetRequiredService<IOptions<BankSettings>>().Value;
                var circuit = context.ServiceProvider.GetRequiredService<BankCircuit>();
                // Timeouts and backoff are the network's real time, whatever date the service's clock says.
                pipeline.TimeProvider = TimeProvider.System;
                pipeline
                    .AddTimeout(settings.TotalTimeout)
                    // Retrying a POST is safe here: every attempt carries the disbursement's idempotency key.
                    .AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = settings.MaxRetryAttempts,
                        Delay = settings.RetryDelay,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                    })
                    .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                    {
                        FailureRatio = settings.FailureRatio,
                        MinimumThroughput = settings.MinimumThroughput,
                        SamplingDuration = settings.SamplingDuration,
                        BreakDuration = settings.BreakDuration,
                        OnOpened = opened =>
                        {
                            circuit.Opened(opened.BreakDuration);
                            return default;
                        },
                        OnClosed = _ =>
                        {
                            circuit.Closed();
                            return default;
                        },
                    })
                    .AddTimeout(settings.AttemptTimeout);
            });

        if (builder.Configuration.GetSection(BankSettings.Section).GetValue(nameof(BankSettings.Processing), true))
        {
            builder.Services.AddHostedService<DisbursementProcessor>();
        }

        return builder;
    }

    public static void MapDisbursements(this RouteGroupBuilder funding)
    {
        var applications = funding.MapGroup("/applications").WithTags("Disbursements").AddEndpointFilter(ApplicationFeature.NoStoreAsync);
        OrderDisbursement.Map(applications);
        RetryDisbursement.Map(applications);
    }
}
