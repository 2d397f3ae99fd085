using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Identity;
using Koperasi.ServiceDefaults.PersonalData;
using Koperasi.ServiceDefaults.Telemetry;
using Koperasi.ServiceDefaults.Time;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Scalar.AspNetCore;

namespace Koperasi.ServiceDefaults;

/// <summary>What every Koperasi service has: one call to add it, one to map its endpoints.</summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>Largest request body a JSON endpoint accepts; file uploads declare their own limit.</summary>
    public const long MaxJsonBodyBytes = 1024 * 1024;

    /// <summary>
    /// Telemetry, health checks, problem details for every error, strict JSON, body-size limits,
    /// bearer-token authentication with a token required by default, the service's role
    /// <paramref name="policies"/> (name to the roles it admits), a per-user limit on writes, the
    /// clock and the acting user.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder, string serviceName, IReadOnlyDictionary<string, string[]>? policies = null)
    {
        builder.AddKoperasiTelemetry(serviceName);
        builder.Services.AddPersonalDataLogScrubbing();
        builder.Services.AddSingleton<RecentErrors>();
        builder.Services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider, RecentErrorsLoggerProvider>();
        builder.AddKoperasiAuth(policies);
        builder.AddWriteRateLimit();

        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), tags: ["live"]);

        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            if (context.ProblemDetails.Status == Microsoft.AspNetCore.Http.StatusCodes.Status415UnsupportedMediaType)
            {
                // The framework refuses a body of another media type before any handler runs.
                context.ProblemDetails.Detail ??= "Send the body as application/json (or text/csv where the endpoint takes a file).";
                context.ProblemDetails.Extensions.TryAdd("field", "Content-Type");
            }

            context.ProblemDetails.Extensions.TryAdd("traceId", System.Diagnostics.Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier);
            context.ScrubPersonalData();
        });
        builder.Services.AddExceptionHandler<KoperasiExceptionHandler>();
        // Bad input answers 400 with problem details in every environment, not only in development.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            KoperasiJson.Configure(options.SerializerOptions);
            RequestJsonLimits.Configure(options.SerializerOptions);
        });
        builder.Services.AddKoperasiOpenApi(serviceName);

        // The system clock, or in Development one an operator can move forward (Time/DevelopmentClock).
        DevelopmentClock.Register(builder);
        builder.Services.AddHttpContextAccessor();
        builder.Services.TryAddScoped<ICurrentActor, CurrentActor>();
        return builder;
    }

    /// <summary>
    /// <c>/health/live</c>, <c>/health/ready</c> (PostgreSQL and the broker), <c>/metrics</c>, the
    /// OpenAPI document and its browsable reference, and (for a service that publishes integration
    /// events) its AsyncAPI document at <c>/asyncapi/{service}.json</c>: the only endpoints that answer without a token.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app) =>
        app.MapDefaultEndpoints(new DefaultEndpointsOptions());

    /// <summary>
    /// As <see cref="MapDefaultEndpoints(WebApplication)"/>, leaving out what <paramref name="options"/>
    /// turns off.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app, DefaultEndpointsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = check => check.Tags.Contains("live") }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
        // Counters only (no personal or register data), for a Prometheus on the operators' network.
        app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous();
        if (options.ApiDocumentation)
        {
            app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
            app.MapScalarApiReference("/reference").AllowAnonymous();
            if (app.Services.GetService<Messaging.BrokerNames>() is { } broker && Messaging.AsyncApiDocument.For(broker.Service) is { } asyncApi)
            {
                // The machine-readable contract of what the service publishes: no data, so anonymous as the OpenAPI document.
                var body = Messaging.AsyncApiDocument.Serialize(asyncApi);
                app.MapGet(Messaging.AsyncApiDocument.PathPattern, (string documentName) => documentName == broker.Service
                        ? Microsoft.AspNetCore.Http.Results.Text(body, "application/json", System.Text.Encoding.UTF8)
                        : Microsoft.AspNetCore.Http.Results.Problem(
                            detail: $"This service publishes the AsyncAPI document {broker.Service}.json only.",
                            statusCode: Microsoft.AspNetCore.Http.StatusCodes.Status404NotFound,
                            title: "No such AsyncAPI document"))
                    .AllowAnonymous()
                    .ExcludeFromDescription();
            }
        }

        return app;
    }

    /// <summary>
    /// The middleware every service runs first: exceptions and status codes as problem details,
    /// then who is calling (401 without a valid token, 403 without the role), then the write
    /// limit, the shared guards on query and route values, and the body-size limit.
    /// </summary>
    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseRequestGuards();
        app.UseBodySizeLimit();
        return app;
    }
}
