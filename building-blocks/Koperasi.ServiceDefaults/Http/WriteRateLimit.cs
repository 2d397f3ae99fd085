using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Koperasi.ServiceDefaults.Http;

/// <summary>
/// Limits the changes one caller can make per minute (every POST, PUT, PATCH and DELETE, so a new
/// write endpoint is covered without a word). Reads are not limited. A refusal is a 429 problem
/// with Retry-After.
/// </summary>
internal static class WriteRateLimit
{
    public static IHostApplicationBuilder AddWriteRateLimit(this IHostApplicationBuilder builder)
    {
        var perMinute = builder.Configuration.GetValue("RateLimits:WritesPerMinute", 120);
        builder.Services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method)
                    ? RateLimitPartition.GetNoLimiter("reads")
                    : RateLimitPartition.GetFixedWindowLimiter(PartitionOf(context), _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = perMinute,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    }));
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                rejected.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                var problems = rejected.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = rejected.HttpContext,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many changes",
                        Detail = $"At most {perMinute} changes a minute per user; try again in {Math.Ceiling(retryAfter.TotalSeconds)} seconds.",
                        Type = Problems.TypePrefix + "too-many-requests",
                        Extensions = { ["rule"] = "too-many-requests" },
                    },
                });
            };
        });
        return builder;
    }

    // Per signed-in user; an anonymous write (refused anyway) counts against its address.
    private static string PartitionOf(HttpContext context) =>
        context.User.Identity is { IsAuthenticated: true, Name: { } name } ? "user:" + name : "ip:" + context.Connection.RemoteIpAddress;
}
