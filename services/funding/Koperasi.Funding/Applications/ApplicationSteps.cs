using System.Security.Claims;
using Koperasi.ServiceDefaults.Decisions;
using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Identity;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Funding.Applications;

/// <summary>
/// What every step of the flow does around its decision: If-Match (optional), the application
/// fetched for writing, 404, the caller's regency (403), the decision, append, commit, and the
/// application as it is afterwards with its ETag.
/// </summary>
public static class ApplicationSteps
{
    public static async Task<Results<Ok<ApplicationResponse>, ValidationProblem, ProblemHttpResult>> RunAsync(
        Guid id,
        HttpContext http,
        IDocumentSession session,
        Func<Application, Task<(Decision Decision, IReadOnlyList<EligibilityFailure> Rules)>> decide,
        CancellationToken cancellationToken)
    {
        var expectedVersion = http.Request.ReadIfMatch(out var badIfMatch);
        if (badIfMatch is ValidationProblem badHeader)
        {
            return badHeader;
        }

        var stream = expectedVersion is { } expected
            ? await session.Events.FetchForWriting<Application>(id, expected, cancellationToken)
            : await session.Events.FetchForWriting<Application>(id, cancellationToken);
        if (stream.Aggregate is not { } application)
        {
            return Problems.NotFound("application", id);
        }

        if (!http.User.Reaches(application.RegencyCode))
        {
            return OutsideRegency.Problem(application.RegencyCode, "id");
        }

        var (decision, rules) = await decide(application);
        if (decision.Error is { } error)
        {
            return Refusals.ToProblem(error, rules);
        }

        stream.AppendMany(decision.Events);
        await session.SaveChangesAsync(cancellationToken);

        var after = decision.Events.Aggregate(application, (state, e) => Application.Fold(state, e)!) with
        {
            Version = application.Version + decision.Events.Count,
        };
        http.Response.SetETag(after.Version);
        return TypedResults.Ok(await ApplicationViews.ShowAsync(session, http.User, after, cancellationToken));
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
            .WithDescription(description + " If-Match (the application's ETag) is optional; a stale one answers 409.")
            .Produces<ApplicationResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
