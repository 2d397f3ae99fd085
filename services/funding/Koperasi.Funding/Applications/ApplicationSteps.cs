using System.Security.Claims;
using Koperasi.ServiceDefaults.Decisions;
using Koperasi.ServiceDefaults.Identity;
using Koperasi.ServiceDefaults.Streams;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Funding.Applications;

/// <summary>
/// A step of the flow: the platform's <see cref="StreamStep{T}"/> on the application's stream (If-Match
/// required, one load, the caller's regency, the decision, append, commit), answered with the
/// application as the caller may see it afterwards.
/// </summary>
public static class ApplicationSteps
{
    /// <summary>The application's stream step: a pendamping acts only on an application of its own regencies.</summary>
    public static StreamStep<Application> Step { get; } = new(
        "application",
        Application.Fold,
        (current, version) => current with { Version = version },
        (user, current) => user.Reaches(current.RegencyCode) ? null : OutsideRegency.Problem(current.RegencyCode, "id"));

    public static Task<Results<Ok<ApplicationResponse>, ValidationProblem, ProblemHttpResult>> RunAsync(
        Guid id,
        HttpContext http,
        IDocumentSession session,
        Func<Application, Task<(Decision Decision, IReadOnlyList<EligibilityFailure> Rules)>> decide,
        CancellationToken cancellationToken)
    {
        IReadOnlyList<EligibilityFailure> rules = [];
        return Step.RunAsync(
            id, http, session,
            async application =>
            {
                (var decision, rules) = await decide(application);
                return decision;
            },
            async step => TypedResults.Ok(await ApplicationViews.ShowAsync(session, http.User, step.After, cancellationToken)),
            refuse: error => Refusals.ToProblem(error, rules));
    }

    /// <summary>A decision that lists no eligibility rules.</summary>
    public static Task<(Decision, IReadOnlyList<EligibilityFailure>)> Plain(Decision decision) =>
        Task.FromResult<(Decision, IReadOnlyList<EligibilityFailure>)>((decision, []));

    /// <summary>The user name the histories and the verification records show.</summary>
    public static string ActorName(this ClaimsPrincipal user) =>
        user.Identity?.Name ?? user.FindFirst("sub")?.Value ?? "unknown";

    /// <summary>The shared route metadata of a step.</summary>
    public static RouteHandlerBuilder AsStep(this RouteHandlerBuilder step, string name, string policy, string summary, string description) =>
        step.WithName(name)
            .RequireAuthorization(policy)
            .WithSummary(summary)
            .WithDescription(description + " Requires If-Match with the application's ETag (428 without it, 409 when stale).")
            .Produces<ApplicationResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
}
