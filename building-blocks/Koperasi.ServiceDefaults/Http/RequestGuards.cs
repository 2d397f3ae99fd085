using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Koperasi.ServiceDefaults.Http;

/// <summary>
/// Checks every endpoint shares, before binding: a query or route value with a control character
/// (NUL cannot reach PostgreSQL) is a 400 naming the parameter; the all-zero id in the route names
/// nothing that can exist, so it is a 404, for a write as for a read.
/// </summary>
internal static class RequestGuards
{
    public static IApplicationBuilder UseRequestGuards(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (Refusal(context) is { } problem)
            {
                context.Response.StatusCode = problem.Status!.Value;
                var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
                return;
            }

            await next(context);
        });

    private static ProblemDetails? Refusal(HttpContext context)
    {
        foreach (var (name, values) in context.Request.Query)
        {
            if (HasControl(name) || values.Any(value => value is not null && HasControl(value)))
            {
                return Invalid(HasControl(name) ? "query" : name, "Control characters (NUL and the like) are not allowed in the query.");
            }
        }

        foreach (var (name, value) in context.Request.RouteValues)
        {
            if (value is not string text)
            {
                continue;
            }

            if (HasControl(text))
            {
                return Invalid(name, "Control characters (NUL and the like) are not allowed in the path.");
            }

            if (Guid.TryParse(text, out var id) && id == Guid.Empty)
            {
                return new ProblemDetails
                {
                    Status = StatusCodes.Status404NotFound,
                    Title = "Not found",
                    Detail = $"No resource has the id {Guid.Empty}.",
                    Type = Problems.TypePrefix + "not-found",
                    Extensions = { ["field"] = name },
                };
            }
        }

        return null;
    }

    private static bool HasControl(string text) => text.Any(char.IsControl);

    private static HttpValidationProblemDetails Invalid(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more validation errors occurred.",
            Detail = $"{field}: {message}",
            Type = Problems.TypePrefix + "validation",
        };
}
