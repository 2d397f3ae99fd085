using Koperasi.Registry.Cooperatives;
using Koperasi.ServiceDefaults.Decisions;
using Koperasi.ServiceDefaults.Http;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Registry.Supervision;

/// <summary>What a supervision write answers: the koperasi's supervision as it stands now, and the stream's version (also the ETag).</summary>
public sealed record SupervisionResponse(Guid CooperativeId, long Version, CooperativeSupervision Supervision);

/// <summary>
/// A supervision write is a step on the koperasi's stream (<see cref="CooperativeSteps.Step"/>:
/// If-Match, 404, the pembina's regency, the version) whose decision also takes the koperasi's
/// supervision state, read from its inline document.
/// </summary>
public static class SupervisionSteps
{
    public static Task<Results<Ok<SupervisionResponse>, ValidationProblem, ProblemHttpResult>> RunAsync(
        Guid id,
        HttpContext http,
        IDocumentSession session,
        RequestValidation validation,
        Func<Cooperative, CooperativeSupervision, Task<Decision>> decide,
        Func<Exception, ProblemHttpResult?>? commitFailed = null)
    {
        CooperativeSupervision? before = null;
        return CooperativeSteps.Step.RunAsync(
            id, http, session,
            async cooperative =>
            {
                before = await LoadAsync(session, cooperative, http.RequestAborted);
                return await decide(cooperative, before);
            },
            step => Task.FromResult(TypedResults.Ok(new SupervisionResponse(
                id, step.Version, step.Events.Aggregate(before!, (state, e) => CooperativeSupervision.Fold(state, e)!)))),
            validation,
            commitFailed: commitFailed);
    }

    /// <summary>
    /// The koperasi's supervision document; for a stream written before the projection existed,
    /// folded from its events.
    /// </summary>
    public static async Task<CooperativeSupervision> LoadAsync(IQuerySession session, Cooperative cooperative, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<CooperativeSupervision>(cooperative.Id, cancellationToken) is { } stored)
        {
            return stored;
        }

        var events = await session.Events.FetchStreamAsync(cooperative.Id, token: cancellationToken);
        return events.Aggregate((CooperativeSupervision?)null, (state, e) => CooperativeSupervision.Fold(state, e.Data))
            ?? new CooperativeSupervision { CooperativeId = cooperative.Id, RegencyCode = cooperative.Address.RegencyCode };
    }

    /// <summary>The calling user's id, as tokens name it (and histories show it).</summary>
    public static string? UserOf(HttpContext http) => http.User.Identity?.Name;
}
