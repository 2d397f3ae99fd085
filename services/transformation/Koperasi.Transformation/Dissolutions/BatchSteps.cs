using Koperasi.ServiceDefaults.Decisions;
using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Streams;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Transformation.Dissolutions;

/// <summary>
/// A step of a batch: the platform's <see cref="StreamStep{T}"/> on the batch's stream, answered with the
/// batch. Steps that move the batch's cases (sent, answers) stage the cases' events on the same session,
/// so the batch and its cases commit together or not at all.
/// </summary>
public static class BatchSteps
{
    public const string MinistryUnavailable = "ministry-unavailable";

    public static StreamStep<DissolutionBatch> Step { get; } = new(
        "dissolution batch",
        DissolutionBatch.Fold,
        (current, version) => current with { Version = version });

    public static RouteHandlerBuilder AsBatchStep(this RouteHandlerBuilder endpoint) =>
        endpoint
            .RequireAuthorization(TransformationPolicies.Write)
            .Produces<DissolutionBatch>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

    public static Task<Results<Ok<DissolutionBatch>, ValidationProblem, ProblemHttpResult>> ApplyAsync(
        Guid id, HttpContext http, IDocumentSession session, RequestValidation? validation, Func<DissolutionBatch, Task<Decision>> decide) =>
        Step.RunAsync(
            id, http, session, decide, outcome => Task.FromResult(TypedResults.Ok(outcome.After)), validation,
            refuse: error => error.Rule == MinistryUnavailable
                ? TypedResults.Problem(
                    detail: error.Detail, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Ministry unavailable",
                    type: Problems.TypePrefix + MinistryUnavailable, extensions: new Dictionary<string, object?> { ["rule"] = MinistryUnavailable })
                : error.ToProblem());

    /// <summary>The ministry could not be reached or refused the call: nothing is recorded, the call may be repeated.</summary>
    public static DomainError Unavailable(string reason) =>
        DomainError.Conflict(MinistryUnavailable, $"The ministry did not take the call: {reason} Nothing was recorded; try again later.");

    /// <summary>
    /// Takes the ministry's answers on the batch, and moves each answered case in the same session: an
    /// answer a case cannot take (an approval before the ministry's notice, say) refuses the whole
    /// import, naming the koperasi, and nothing is recorded.
    /// </summary>
    public static async Task<Decision> ReceiveAsync(
        DissolutionBatch batch, IReadOnlyList<MinistryAnswer> answers, DateOnly today, IDocumentSession session, DissolutionOptions options, CancellationToken cancellationToken)
    {
        var decision = batch.Receive(answers, today);
        if (decision.Error is not null)
        {
            return decision;
        }

        foreach (var received in decision.Events.OfType<MinistryAnswerReceived>())
        {
            var stream = await session.Events.FetchForWriting<DissolutionCase>(received.CaseId, cancellationToken);
            if (stream.Aggregate is not { } current)
            {
                return DomainError.Conflict("case-not-found", $"The case {received.CaseId} of koperasi {received.Answer.CooperativeId} is not there.");
            }

            var moved = current.ApplyMinistryAnswer(batch.Id, received.Answer, options);
            if (moved.Error is { } refused)
            {
                return refused with { Detail = $"{current.Cooperative.Name} ({current.CooperativeId}): {refused.Detail}", Field = refused.Field ?? "answers" };
            }

            stream.AppendMany(moved.Events);
        }

        return decision;
    }
}
