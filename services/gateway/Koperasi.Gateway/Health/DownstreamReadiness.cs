using System.Net;
using Koperasi.Gateway.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace Koperasi.Gateway.Health;

/// <summary>
/// The gateway is ready when every service behind it is: for each one, the <c>/health/ready</c> of
/// at least one of its replicas answers 200 (the proxy sends requests only to ready replicas). A
/// brief hiccup is retried, and a service that hangs is given up on, so one probe of
/// <c>/health/ready</c> stays short.
/// </summary>
internal sealed class DownstreamReadiness(IHttpClientFactory clients, DownstreamService service) : IHealthCheck
{
    public const string ClientName = "downstream-readiness";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var results = await Task.WhenAll(service.Addresses.Select(address => ProbeAsync(address, cancellationToken)));
        if (results.Count(r => r.Status == HealthStatus.Healthy) is var ready and > 0)
        {
            return HealthCheckResult.Healthy(service.Addresses.Count == 1
                ? $"Service {service.Name} is ready."
                : $"Service {service.Name}: {ready} of {service.Addresses.Count} replicas ready.");
        }

        return results[0];
    }

    private async Task<HealthCheckResult> ProbeAsync(Uri address, CancellationToken cancellationToken)
    {
        var probe = new Uri(address.ToString().TrimEnd('/') + "/health/ready");
        try
        {
            using var client = clients.CreateClient(ClientName);
            using var response = await client.GetAsync(probe, cancellationToken);
            return response.StatusCode == HttpStatusCode.OK
                ? HealthCheckResult.Healthy($"Service {service.Name} is ready.")
                : HealthCheckResult.Unhealthy($"Service {service.Name} is not ready (HTTP {(int)response.StatusCode}).");
        }
        catch (Exception exception) when (exception is HttpRequestException or TimeoutRejectedException)
        {
            return HealthCheckResult.Unhealthy($"Service {service.Name} does not answer.", exception);
        }
    }
}

internal static class DownstreamReadinessRegistration
{
    public static IServiceCollection AddDownstreamReadiness(this IServiceCollection services, IReadOnlyList<DownstreamService> downstream)
    {
        services.AddHttpClient(DownstreamReadiness.ClientName)
            .AddResilienceHandler(DownstreamReadiness.ClientName, pipeline => pipeline
                .AddTimeout(TimeSpan.FromSeconds(5))
                .AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = 2,
                    Delay = TimeSpan.FromMilliseconds(200),
                    BackoffType = DelayBackoffType.Constant,
                })
                .AddTimeout(TimeSpan.FromSeconds(2)));

        var checks = services.AddHealthChecks();
        foreach (var service in downstream)
        {
            checks.Add(new HealthCheckRegistration(
                $"service-{service.Name}",
                provider => new DownstreamReadiness(provider.GetRequiredService<IHttpClientFactory>(), service),
                HealthStatus.Unhealthy,
                ["ready"]));
        }

        return services;
    }
}
