using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Koperasi.Transformation.Dissolutions;

/// <summary>
/// The dissolution's settings, and the adapter to the ministry with its resilience pipeline (modelled on
/// Funding's bank adapter): a total timeout, retries with backoff (safe for a POST: every attempt carries
/// the batch's idempotency key), a circuit breaker, and a timeout per attempt.
/// </summary>
public static class MinistryFeature
{
    public const string PipelineName = "ministry";

    public static IServiceCollection AddDissolutionOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DissolutionOptions>()
            .Bind(configuration.GetSection(DissolutionOptions.Section))
            .Validate(options => { options.Validate(); return true; })
            .ValidateOnStart();
        return services;
    }

    public static IServiceCollection AddMinistryAdapter(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MinistrySettings>()
            .Bind(configuration.GetSection(MinistrySettings.Section))
            .Validate(settings => { settings.Validate(); return true; })
            .ValidateOnStart();

        services.AddHttpClient<MinistryClient>((provider, client) =>
            {
                client.BaseAddress = provider.GetRequiredService<IOptions<MinistrySettings>>().Value.BaseAddress;
                // The pipeline's timeouts govern.
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddResilienceHandler(PipelineName, (pipeline, context) =>
            {
                var settings = context.ServiceProvider.GetRequiredService<IOptions<MinistrySettings>>().Value;
                // Timeouts and backoff are the network's real time, whatever date the service's clock says.
                pipeline.TimeProvider = TimeProvider.System;
                pipeline
                    .AddTimeout(settings.TotalTimeout)
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
                    })
                    .AddTimeout(settings.AttemptTimeout);
            });
        return services;
    }
}
