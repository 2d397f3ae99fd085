using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Koperasi.ServiceDefaults.Http;

/// <summary>
/// How patiently a party outside the platform (the bank, the ministry) is called: one configuration
/// section per party, validated at start. Every attempt of a call carries the caller's idempotency
/// key, so retrying a POST never does its work twice.
/// </summary>
public abstract class OutsidePartySettings
{
    /// <summary>The party's API.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>How long one call may take before it is abandoned and retried.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries after the first call, with exponential backoff and jitter.</summary>
    public int MaxRetryAttempts { get; set; } = 4;

    /// <summary>The first retry's delay; each next one roughly doubles.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a call may take with all its retries before it counts as failed.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The share of failed calls within <see cref="SamplingDuration"/> that opens the circuit.</summary>
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>Calls within <see cref="SamplingDuration"/> before the circuit may open.</summary>
    public int MinimumThroughput { get; set; } = 10;

    /// <summary>The window the circuit breaker measures failures in; at least twice <see cref="AttemptTimeout"/>.</summary>
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit lets no call through.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The configuration section, named in the message of an invalid setting.</summary>
    protected abstract string SectionName { get; }

    /// <summary>An address to show in the message when <see cref="BaseAddress"/> is missing.</summary>
    protected abstract string ExampleAddress { get; }

    /// <summary>Throws, naming every invalid setting, so that the service does not start with them.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        if (BaseAddress is not { IsAbsoluteUri: true })
        {
            problems.Add($"BaseAddress is an absolute URL, e.g. {ExampleAddress}");
        }

        if (AttemptTimeout <= TimeSpan.Zero || TotalTimeout < AttemptTimeout)
        {
            problems.Add("AttemptTimeout is positive and TotalTimeout at least AttemptTimeout");
        }

        if (MaxRetryAttempts is < 1 or > 20 || RetryDelay < TimeSpan.Zero)
        {
            problems.Add("MaxRetryAttempts is 1 to 20 and RetryDelay not negative");
        }

        if (FailureRatio is <= 0 or > 1 || MinimumThroughput < 2 || BreakDuration < TimeSpan.FromMilliseconds(500)
            || SamplingDuration < 2 * AttemptTimeout || SamplingDuration < TimeSpan.FromMilliseconds(500))
        {
            problems.Add("FailureRatio is in (0, 1], MinimumThroughput at least 2, BreakDuration and SamplingDuration at least 0.5 s, SamplingDuration at least twice AttemptTimeout");
        }

        CheckMore(problems);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"{SectionName}: {string.Join("; ", problems)}.");
        }
    }

    /// <summary>The settings a party adds of its own, checked with the common ones.</summary>
    protected virtual void CheckMore(List<string> problems)
    {
    }
}

/// <summary>The typed HTTP client of an outside party with its resilience pipeline.</summary>
public static class OutsideParty
{
    /// <summary>
    /// Binds and validates <typeparamref name="TSettings"/> from <paramref name="section"/>, and adds
    /// <typeparamref name="TClient"/> with the pipeline <paramref name="pipelineName"/>: a total timeout,
    /// retries with exponential backoff and jitter, a circuit breaker (told to
    /// <paramref name="circuit"/> when given), and a timeout per attempt. Timeouts and backoff run on
    /// the network's real time, whatever date the service's clock says.
    /// </summary>
    public static IHttpClientBuilder AddOutsideParty<TClient, TSettings>(
        this IServiceCollection services,
        IConfiguration configuration,
        string section,
        string pipelineName,
        Func<IServiceProvider, IOutsidePartyCircuit>? circuit = null)
        where TClient : class
        where TSettings : OutsidePartySettings
    {
        services.AddOptions<TSettings>()
            .Bind(configuration.GetSection(section))
            .Validate(settings => { settings.Validate(); return true; })
            .ValidateOnStart();

        var client = services.AddHttpClient<TClient>((provider, client) =>
        {
            client.BaseAddress = provider.GetRequiredService<IOptions<TSettings>>().Value.BaseAddress;
            // The pipeline's timeouts govern.
            client.Timeout = Timeout.InfiniteTimeSpan;
        });
        client.AddResilienceHandler(pipelineName, (pipeline, context) =>
        {
            var settings = context.ServiceProvider.GetRequiredService<IOptions<TSettings>>().Value;
            var watcher = circuit?.Invoke(context.ServiceProvider);
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
                    OnOpened = opened =>
                    {
                        watcher?.Opened(opened.BreakDuration);
                        return default;
                    },
                    OnClosed = _ =>
                    {
                        watcher?.Closed();
                        return default;
                    },
                })
                .AddTimeout(settings.AttemptTimeout);
        });
        return client;
    }
}

/// <summary>Told when the circuit to an outside party opens and closes (e.g. to pause work meanwhile).</summary>
public interface IOutsidePartyCircuit
{
    /// <summary>The circuit opened: no call goes through for <paramref name="breakDuration"/>.</summary>
    void Opened(TimeSpan breakDuration);

    /// <summary>The circuit closed again.</summary>
    void Closed();
}
