using Koperasi.ServiceDefaults.Http;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Transformation.Dissolutions;

/// <summary>Read one dissolution case; its stream version is the ETag.</summary>
public static class GetDissolution
{
    public static void Map(RouteGroupBuilder cases) =>
        cases.MapGet("/{id:guid}", Handle)
            .WithName("GetDissolution")
            .RequireAuthorization(TransformationPolicies.Read)
            .WithSummary("Read a dissolution case")
            .WithDescription("The case with every dated step, its creditors (creditorsNotNotified: those the dissolution does not bind yet) and the ministry's answers.")
            .Produces<DissolutionCase>()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<DissolutionCase>, ProblemHttpResult>> Handle(
        Guid id, IQuerySession session, HttpResponse response, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<DissolutionCase>(id, cancellationToken) is not { } found)
        {
            return Problems.NotFound("dissolution case", id);
        }

        response.SetETag(found.Version);
        return TypedResults.Ok(found);
    }
}
