using Koperasi.ServiceDefaults.Decisions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.ServiceDefaults.Http;

/// <summary>RFC 9457 problem details for the platform's recurring answers.</summary>
public static class Problems
{
    /// <summary>Prefix of every problem type the platform defines.</summary>
    public const string TypePrefix = "urn:koperasi:problem:";

    /// <summary>Seconds a client waits before it sends a request again while a service or its database is out of reach.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>Tells the client, with a 503, when to send the request again.</summary>
    public static void SetRetryAfter(HttpResponse response) =>
        response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A broken domain rule: 409 or 422, typed by the rule's name.</summary>
    public static ProblemHttpResult ToProblem(this DomainError error)
    {
        var status = error.Kind == DomainErrorKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        var extensions = new Dictionary<string, object?> { ["rule"] = error.Rule };
        if (error.Field is not null)
        {
            extensions["field"] = error.Field;
        }

        return TypedResults.Problem(
            detail: error.Detail,
            statusCode: status,
            title: Humanize(error.Rule),
            type: TypePrefix + error.Rule,
            extensions: extensions);
    }

    /// <summary>400 naming one invalid field.</summary>
    public static ValidationProblem Validation(string field, string message) =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [field] = [message] },
            detail: message,
            type: TypePrefix + "validation");

    /// <summary>400 naming every invalid field.</summary>
    public static ValidationProblem Validation(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(
            errors,
            detail: string.Join(" ", errors.SelectMany(e => e.Value)),
            type: TypePrefix + "validation");

    /// <summary>409: someone else changed the resource since the caller read it.</summary>
    public static ProblemHttpResult ConcurrencyConflict(long? expectedVersion) =>
        TypedResults.Problem(
            detail: expectedVersion is { } expected
                ? $"The resource changed since version {expected}. Read it again, then retry with its new ETag in If-Match."
                : "The resource changed while this request was processed. Read it again and retry.",
            statusCode: StatusCodes.Status409Conflict,
            title: "Concurrency conflict",
            type: TypePrefix + "concurrency-conflict",
            extensions: new Dictionary<string, object?> { ["rule"] = "concurrency-conflict", ["field"] = "If-Match" });

    /// <summary>428: the change needs If-Match so it cannot overwrite an unseen change.</summary>
    public static ProblemHttpResult IfMatchRequired() =>
        TypedResults.Problem(
            detail: "This change needs the If-Match header with the ETag of the version you read.",
            statusCode: StatusCodes.Status428PreconditionRequired,
            title: "If-Match required",
            type: TypePrefix + "if-match-required",
            extensions: new Dictionary<string, object?> { ["rule"] = "if-match-required", ["field"] = "If-Match" });

    /// <summary>404 for a resource id that does not exist.</summary>
    public static ProblemHttpResult NotFound(string what, object id) =>
        TypedResults.Problem(
            detail: $"No {what} with id {id}.",
            statusCode: StatusCodes.Status404NotFound,
            title: "Not found",
            type: TypePrefix + "not-found");

    private static string Humanize(string rule)
    {
        var words = rule.Replace('-', ' ');
        return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
    }
}
