using Koperasi.ServiceDefaults.Http;
using Microsoft.AspNetCore.Mvc;

namespace Koperasi.Gateway.Routing;

/// <summary>
/// When a service cannot be reached, YARP answers 502 (or 504 on a timeout) with an empty body;
/// the caller gets a problem that names the service instead.
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
            var status = context.Response.StatusCode is >= 500 and < 600 ? context.Response.StatusCode : StatusCodes.Status502BadGateway;
            context.Response.StatusCode = status;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = status,
                    Title = "Service unavailable",
                    Detail = $"The {service} service did not answer. Try again shortly.",
                    Type = Problems.TypePrefix + "service-unavailable",
                    Extensions = { ["service"] = service },
                },
            });
        });
        return proxy;
    }
}
