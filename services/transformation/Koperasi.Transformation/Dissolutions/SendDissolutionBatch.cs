using Koperasi.ServiceDefaults.Time;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Koperasi.Transformation.Dissolutions;

/// <summary>
/// Send a batch to the ministry through the adapter (retries, timeouts, circuit breaker; one idempotency
/// key per batch, so the ministry registers it once however often it is tried), then record it sent and
/// each of its cases proposed to the ministry, in one commit. A batch already sent is not sent again.
/// </summary>
public static class SendDissolutionBatch
{
    public static void Map(RouteGroupBuilder batches) =>
        batches.MapPost("/{id:guid}/sending", Handle)
            .WithName("SendDissolutionBatch")
            .WithSummary("Send a batch to the ministry")
            .WithDescription("Sends the batch under its idempotency key. A ministry that fails or times out answers 503 (rule ministry-unavailable) and nothing is recorded: send again later, the ministry still registers the batch once. A batch already sent answers 200 unchanged without calling the ministry. Needs If-Match.")
            .AsBatchStep()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    private static Task<Results<Ok<DissolutionBatch>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, IDocumentSession session, HttpContext http, TimeProvider clock, MinistryClient ministry, IOptions<DissolutionOptions> options) =>
        BatchSteps.ApplyAsync(id, http, session, null, async batch =>
        {
            var today = clock.Today();
            var sent = batch.Sent(today);
            if (sent.Error is not null || sent.Events.Count == 0)
            {
                return sent;
            }

            // Every case must still be ready before the batch leaves: the call is made only for a batch that will be recorded.
            var cases = new List<(DissolutionCase Case, IEnumerable<object> Events)>();
            foreach (var proposal in batch.Proposals)
            {
                var stream = await session.Events.FetchForWriting<DissolutionCase>(proposal.CaseId, http.RequestAborted);
                var moved = stream.Aggregate!.SentToMinistry(batch.Id, today, options.Value);
                if (moved.Error is { } notReady)
                {
                    return notReady with { Detail = $"{proposal.Name} ({proposal.CooperativeId}): {notReady.Detail}", Field = null };
                }

                stream.AppendMany(moved.Events);
            }

            return await ministry.SendBatchAsync(batch, http.RequestAborted) switch
            {
                MinistryOutcome.Registered => sent,
                MinistryOutcome.Failed failed => BatchSteps.Unavailable(failed.Reason),
                MinistryOutcome.Unavailable => BatchSteps.Unavailable("its calls are paused after repeated failures."),
                _ => BatchSteps.Unavailable("it gave no batch reference."),
            };
        });
}
