using Koperasi.ServiceDefaults.Time;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Koperasi.Transformation.Dissolutions;

/// <summary>
/// Fetch the ministry's answers for a sent batch through the adapter and apply them: each answer moves
/// its case; answers for a koperasi not in the batch and second answers are kept as mismatches.
/// </summary>
public static class FetchMinistryAnswers
{
    public static void Map(RouteGroupBuilder batches) =>
        batches.MapPost("/{id:guid}/ministry-answers", Handle)
            .WithName("FetchMinistryAnswers")
            .WithSummary("Fetch the ministry's answers for a batch")
            .WithDescription("Asks the ministry for the batch (under its idempotency key, which finds the batch it registered) and its answers so far, then records them. Fetching again changes nothing for answers already recorded. A ministry that fails answers 503 and nothing is recorded. Needs If-Match.")
            .AsBatchStep()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    private static Task<Results<Ok<DissolutionBatch>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, IDocumentSession session, HttpContext http, TimeProvider clock, MinistryClient ministry, IOptions<DissolutionOptions> options) =>
        BatchSteps.ApplyAsync(id, http, session, null, async batch =>
        {
            if (!batch.IsSent)
            {
                return batch.Receive([], clock.Today());
            }

            // The same key finds the batch the ministry registered when it was sent: it is not registered twice.
            if (await ministry.SendBatchAsync(batch, http.RequestAborted) is not MinistryOutcome.Registered registered)
            {
                return BatchSteps.Unavailable("the batch's reference could not be had.");
            }

            return await ministry.AnswersAsync(registered.Reference, http.RequestAborted) switch
            {
                MinistryOutcome.Answered answered => await BatchSteps.ReceiveAsync(batch, answered.Answers, clock.Today(), session, options.Value, http.RequestAborted),
                MinistryOutcome.Failed failed => BatchSteps.Unavailable(failed.Reason),
                _ => BatchSteps.Unavailable("its calls are paused after repeated failures."),
            };
        });
}
