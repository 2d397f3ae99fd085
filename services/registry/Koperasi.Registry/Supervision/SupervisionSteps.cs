using JasperFx;
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
    /// A step whose accepted decision also stages a claim document (a desa's KDMP, a NIK koperasi) in
    /// the same transaction: <paramref name="claim"/> checks the claim held now and stages it, or
    /// names the rule that refuses it; a claim another request committed meanwhile (the insert fails)
    /// answers <paramref name="taken"/> of the claim's id.
    /// </summary>
    public static Task<Results<Ok<SupervisionResponse>, ValidationProblem, ProblemHttpResult>> RunClaimingAsync<TClaim>(
        Guid id,
        HttpContext http,
        IDocumentSession session,
        RequestValidation validation,
        Func<Cooperative, CooperativeSupervision, Decision> decide,
        Func<Cooperative, Decision, Task<DomainError?>> claim,
        Func<object, DomainError> taken) =>
        RunAsync(
            id, http, session, validation,
            async (koperasi, supervision) =>
            {
                var decision = decide(koperasi, supervision);
                return !decision.IsRejected && await claim(koperasi, decision) is { } refused ? refused : decision;
            },
            failure => failure is DocumentAlreadyExistsException claimed && claimed.DocType == typeof(TClaim)
                ? taken(claimed.Id).ToProblem()
                : null);

    /// <summary>What every supervision write answers, for the API reference: the supervision, 400, 403, 404, 409, 422 and 428.</summary>
    public static RouteHandlerBuilder ProducesSupervisionStep(this RouteHandlerBuilder endpoint) => endpoint
        .Produces<SupervisionResponse>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
        .ProducesProblem(StatusCodes.Status428PreconditionRequired);

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
