using Koperasi.ServiceDefaults.Http;
using Microsoft.AspNetCore.Mvc;

namespace Koperasi.Gateway.Routing;

/// <summary>
/// When a service cannot be reached (its process restarting, a replica gone, a time-out), YARP
/// answers 502 or 504 with an empty body; the caller gets instead a 503 problem that names the
/// service, with <c>Retry-After</c>: the same request may be sent again shortly, as during a
/// database outage behind the service.
/// </summary>
internal static class ProxyErrors
{
    public static IReverseProxyApplicationBuilder UseProxyErrorProblems(this IReverseProxyApplicationBuilder proxy)
    {
        proxy.Use(async (context, next) =>
        {
            await next();
            if (context.GetForwarderErrorFeature() is null || context.Response.HasStarted)
            {
                return;
            }

            // YARP has logged the failure with its cause; the caller learns which service it was.
            var service = context.GetReverseProxyFeature().Route.Config.ClusterId ?? "unknown";
            const int status = StatusCodes.Status503ServiceUnavailable;
            context.Response.StatusCode = status;
            Problems.SetRetryAfter(context.Response);
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = status,
                    Title = "Service unavailable",
                    Detail = $"The {service} service did not answer. Try again in {Problems.RetryAfterSeconds} seconds.",
                    Type = Problems.TypePrefix + "service-unavailable",
                    Extensions = { ["service"] = service, ["rule"] = "service-unavailable" },
                },
            });
        });
        return proxy;
    }
}
