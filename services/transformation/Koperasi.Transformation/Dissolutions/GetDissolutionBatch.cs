using Koperasi.ServiceDefaults.Http;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Transformation.Dissolutions;

/// <summary>Read one batch: its proposals, when it was sent, the answers and the mismatches; its stream version is the ETag.</summary>
public static class GetDissolutionBatch
{
    public static void Map(RouteGroupBuilder batches) =>
        batches.MapGet("/{id:guid}", Handle)
            .WithName("GetDissolutionBatch")
            .RequireAuthorization(TransformationPolicies.Read)
            .WithSummary("Read a dissolution batch")
            .WithDescription("Its proposals, sentOn, idempotencyKey, the ministry's answers per koperasi and the mismatched answers.")
            .Produces<DissolutionBatch>()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<DissolutionBatch>, ProblemHttpResult>> Handle(
        Guid id, IQuerySession session, HttpResponse response, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<DissolutionBatch>(id, cancellationToken) is not { } found)
        {
            return Problems.NotFound("dissolution batch", id);
        }

        response.SetETag(found.Version);
        return TypedResults.Ok(found);
    }
}
