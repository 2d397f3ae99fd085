using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Koperasi.ServiceDefaults.Http;

/// <summary>
/// Turns the exceptions a request can legitimately cause (unreadable JSON, a body too large,
/// a write that lost an optimistic-concurrency race) into problem details that name the field
/// or the rule. The database out of reach is a 503 with <c>Retry-After</c>: the request may be sent
/// again shortly. Anything else falls through to the generic 500 problem.
/// </summary>
internal sealed class KoperasiExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            BadHttpRequestException bad => FromBadRequest(bad),
            JasperFx.ConcurrencyException => Conflict(),
            _ when DatabaseUnavailable(exception) => Unavailable(),
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }

        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            Problems.SetRetryAfter(httpContext.Response);
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status400BadRequest;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static ProblemDetails FromBadRequest(BadHttpRequestException exception)
    {
        var json = FindInner<JsonException>(exception);
        if (json is not null)
        {
            if (MissingRequired(json.Message) is { Count: > 0 } missing)
            {
                return Validation(missing, "Required.", exception.StatusCode);
            }

            var limit = json as RequestJsonException;
            var field = FieldFromPath(json.Path + limit?.SubPath);
            var message = limit?.Detail is { } detail ? detail
                : json.Message.Contains("maximum configured depth", StringComparison.Ordinal) ? $"Nested deeper than {RequestJsonLimits.MaxDepth} levels."
                : field is null
                ? "The request body is not valid JSON for this operation."
                : $"The value of '{field}' is missing, null where a value is required, of the wrong type, or not a known field.";
            return Validation(field ?? "body", message, exception.StatusCode);
        }

        return exception.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => new ProblemDetails
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = "Request body too large",
                Detail = "The request body is larger than this endpoint accepts.",
                Type = Problems.TypePrefix + "body-too-large",
                Extensions = { ["field"] = "body" },
            },
            StatusCodes.Status415UnsupportedMediaType => new ProblemDetails
            {
                Status = StatusCodes.Status415UnsupportedMediaType,
                Title = "Unsupported media type",
                Detail = "Send the body as application/json (or text/csv where the endpoint takes a file).",
                Type = Problems.TypePrefix + "unsupported-media-type",
                Extensions = { ["field"] = "Content-Type" },
            },
            _ => ParameterFromMessage(exception.Message) is { } parameter
                ? Validation(parameter, exception.Message.StartsWith("Required", StringComparison.Ordinal)
                    ? "Required."
                    : $"'{parameter}' has a value of the wrong kind or format.", exception.StatusCode)
                : Validation("request", "The request could not be read.", exception.StatusCode),
        };
    }

    private static HttpValidationProblemDetails Validation(string field, string message, int status) =>
        Validation([field], message, status);

    private static HttpValidationProblemDetails Validation(List<string> fields, string message, int status) =>
        new(fields.ToDictionary(f => f, _ => new[] { message }))
        {
            Status = status,
            Title = "One or more validation errors occurred.",
            Detail = fields.Count == 1 ? $"{fields[0]}: {message}" : $"{string.Join(", ", fields)}: {message}",
            Type = Problems.TypePrefix + "validation",
        };

    // System.Text.Json: "... was missing required properties including: 'name', 'form'."
    private static List<string> MissingRequired(string message)
    {
        const string marker = "missing required properties including:";
        var start = message.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0)
        {
            return [];
        }

        return [.. message[(start + marker.Length)..].Split(',').Select(part => part.Trim().Trim('.').Trim('\'')).Where(part => part.Length > 0)];
    }

    // Npgsql's own failures (connection refused or broken, pool exhausted, a timeout) and the
    // server's "cannot connect now"/"shutting down"/"too many connections" (SQL states 08, 53, 57P),
    // however Marten wraps them. A constraint or syntax error from the server is no outage.
    private static bool DatabaseUnavailable(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case Npgsql.PostgresException server:
                    return server.SqlState.StartsWith("08", StringComparison.Ordinal)
                        || server.SqlState.StartsWith("53", StringComparison.Ordinal)
                        || server.SqlState.StartsWith("57P", StringComparison.Ordinal);
                case Npgsql.NpgsqlException:
                    return true;
            }
        }

        return false;
    }

    private static ProblemDetails Unavailable() => new()
    {
        Status = StatusCodes.Status503ServiceUnavailable,
        Title = "Service unavailable",
        Detail = $"The database cannot be reached right now. Try again in {Problems.RetryAfterSeconds} seconds.",
        Type = Problems.TypePrefix + "database-unavailable",
        Extensions = { ["rule"] = "database-unavailable" },
    };

    private static ProblemDetails Conflict() => new()
    {
        Status = StatusCodes.Status409Conflict,
        Title = "Concurrency conflict",
        Detail = "The resource changed while this request was processed. Read it again and retry.",
        Type = Problems.TypePrefix + "concurrency-conflict",
        Extensions = { ["rule"] = "concurrency-conflict" },
    };

    private static T? FindInner<T>(Exception exception) where T : Exception
    {
        for (var current = exception.InnerException; current is not null; current = current.InnerException)
        {
            if (current is T found)
            {
                return found;
            }
        }

        return null;
    }

    // "$.address.regencyCode" -> "address.regencyCode"; "$" (the body itself) -> null
    private static string? FieldFromPath(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return null;
        }

        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
    }

    // Minimal APIs say: Failed to bind parameter "Nullable<DateOnly> asOf" from "x"; the caller
    // hears of "asOf", not of .NET types.
    private static string? ParameterFromMessage(string message)
    {
        const string marker = "parameter \"";
        var start = message.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += marker.Length;
        var end = message.IndexOf('"', start);
        if (end < 0)
        {
            return null;
        }

        var declaration = message[start..end];
        var space = declaration.LastIndexOf(' ');
        return space < 0 ? declaration : declaration[(space + 1)..];
    }
}
