using Microsoft.AspNetCore.Http.Metadata;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.LoadBalancing;
using Yarp.ReverseProxy.Transforms;

namespace Koperasi.Gateway.Routing;

/// <summary>
/// YARP routes made from the configured services, so adding a service is one configuration
/// entry: <c>/api/{name}/...</c> goes to the service unchanged (it serves its API under that
/// prefix itself), <c>/openapi/{name}.json</c> to the service's <c>/openapi/v1.json</c>, and
/// <c>/asyncapi/{name}.json</c> (the service's events) to the service unchanged.
/// </summary>
internal static class GatewayProxy
{
    /// <summary>Largest body forwarded unless <c>Gateway:MaxRequestBodyBytes</c> says otherwise; each service still applies its own limit.</summary>
    public const long DefaultMaxRequestBodyBytes = 32 * 1024 * 1024;

    internal const string DocumentRouteKey = "Koperasi.OpenApiDocument";

    public static IServiceCollection AddGatewayProxy(this IServiceCollection services, IReadOnlyList<DownstreamService> downstream)
    {
        services.AddReverseProxy()
            .LoadFromMemory(Routes(downstream), Clusters(downstream))
            .AddTransforms(OpenApiServers.Rewrite);
        return services;
    }

    public static WebApplication MapGatewayProxy(this WebApplication app, IReadOnlyList<DownstreamService> downstream)
    {
        foreach (var service in downstream)
        {
            foreach (var address in service.Addresses)
            {
                GatewayLog.Routing(app.Logger, service.Name, address);
            }
        }

        if (downstream.Count == 0)
        {
            GatewayLog.NoServices(app.Logger, DownstreamService.Section);
        }

        var limit = app.Configuration.GetValue("Gateway:MaxRequestBodyBytes", DefaultMaxRequestBodyBytes);
        app.MapReverseProxy(proxy =>
        {
            proxy.UseWholeBodyFirst();
            proxy.UseProxyErrorProblems();
            proxy.UseSessionAffinity();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
        })
        // Without this, the 1 MiB limit meant for JSON endpoints would cut off uploads (a CSV file)
        // that the service behind accepts.
        .ConfigureEndpoints(endpoint => endpoint.WithMetadata(new ForwardedBodyLimit(limit)));
        return app;
    }

    private static List<RouteConfig> Routes(IReadOnlyList<DownstreamService> downstream) =>
    [
        .. downstream.SelectMany(service => new[]
        {
            new RouteConfig
            {
                RouteId = $"{service.Name}-api",
                ClusterId = service.Name,
                Match = new RouteMatch { Path = service.ApiPattern },
                // The front door already refuses a request without a valid token; the service checks again, with the roles.
                AuthorizationPolicy = "default",
            },
            new RouteConfig
            {
                RouteId = $"{service.Name}-openapi",
                ClusterId = service.Name,
                Match = new RouteMatch { Path = service.DocumentPath, Methods = ["GET", "HEAD"] },
                AuthorizationPolicy = "anonymous",
                Metadata = new Dictionary<string, string> { [DocumentRouteKey] = "true" },
            }
            .WithTransformPathSet("/openapi/v1.json")
            // The document is rewritten on the way back; an uncompressed body keeps that simple.
            .WithTransformRequestHeaderRemove("Accept-Encoding"),
            // The AsyncAPI document of what the service publishes, forwarded unchanged (a service that
            // publishes nothing answers 404).
            new RouteConfig
            {
                RouteId = $"{service.Name}-asyncapi",
                ClusterId = service.Name,
                Match = new RouteMatch { Path = service.AsyncApiPath, Methods = ["GET", "HEAD"] },
                AuthorizationPolicy = "anonymous",
            },
        }),
    ];

    private static List<ClusterConfig> Clusters(IReadOnlyList<DownstreamService> downstream) =>
    [
        .. downstream.Select(service => new ClusterConfig
        {
            ClusterId = service.Name,
            Destinations = service.Addresses
                .Select((address, index) => (Id: index == 0 ? service.Name : $"{service.Name}-{index + 1}", Address: address))
                .ToDictionary(d => d.Id, d => new DestinationConfig { Address = d.Address.ToString() }),
            // Several replicas: requests go round the ready ones; a replica that stops answering its
            // readiness probe, or fails requests at the transport, is left out until it recovers.
            LoadBalancingPolicy = LoadBalancingPolicies.RoundRobin,
            HealthCheck = service.Addresses.Count < 2 ? null : new HealthCheckConfig
            {
                Active = new ActiveHealthCheckConfig
                {
                    Enabled = true,
                    Interval = TimeSpan.FromSeconds(5),
                    Timeout = TimeSpan.FromSeconds(2),
                    Policy = HealthCheckConstants.ActivePolicy.ConsecutiveFailures,
                    Path = "/health/ready",
                },
                Passive = new PassiveHealthCheckConfig
                {
                    Enabled = true,
                    Policy = HealthCheckConstants.PassivePolicy.TransportFailureRate,
                    ReactivationPeriod = TimeSpan.FromSeconds(10),
                },
            },
        }),
    ];

    private sealed record ForwardedBodyLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;
}
