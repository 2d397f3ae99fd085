using Koperasi.ServiceDefaults.Http;
using Koperasi.Transformation.Cooperatives;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Transformation.Dissolutions;

/// <summary>A batch reconciled with the ministry's answers, its cases and the register.</summary>
public static class GetBatchReconciliation
{
    public static void Map(RouteGroupBuilder batches) =>
        batches.MapGet("/{id:guid}/reconciliation", Handle)
            .WithName("GetBatchReconciliation")
            .RequireAuthorization(TransformationPolicies.Read)
            .WithSummary("Reconcile a batch")
            .WithDescription("proposed, answered, approved, rejected, documentsNeeded, reverify, pending; byRegency rows with the same counts and regencyCode; mismatches (not-in-batch, second-answer, changed-since-proposed: revived, withdrawn, or ended otherwise in the register).")
            .Produces<BatchReconciliation>()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<BatchReconciliation>, ProblemHttpResult>> Handle(Guid id, IQuerySession session, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<DissolutionBatch>(id, cancellationToken) is not { } batch)
        {
            return Problems.NotFound("dissolution batch", id);
        }

        var cases = (await session.LoadManyAsync<DissolutionCase>(cancellationToken, batch.Proposals.Select(p => p.CaseId).ToArray())).ToDictionary(c => c.Id);
        var known = (await session.LoadManyAsync<KnownCooperative>(cancellationToken, batch.Proposals.Select(p => p.CooperativeId).ToArray())).ToDictionary(c => c.Id);
        return TypedResults.Ok(BatchReconciliation.Of(batch, cases, known));
    }
}
