using Koperasi.ServiceDefaults.Http;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Registry.Cooperatives;

/// <summary>Read one koperasi; its stream version is the ETag.</summary>
public static class GetCooperative
{
    public static void Map(RouteGroupBuilder cooperatives) =>
        cooperatives.MapGet("/{id:guid}", Handle)
            .WithName("GetCooperative")
            .RequireAuthorization(RegistryPolicies.Read)
            .WithSummary("Read a koperasi")
            .Produces<CooperativeResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<CooperativeResponse>, ProblemHttpResult>> Handle(
        Guid id, IQuerySession session, HttpResponse response, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<Cooperative>(id, cancellationToken) is not { } cooperative)
        {
            return Problems.NotFound("koperasi", id);
        }

        response.SetETag(cooperative.Version);
        return TypedResults.Ok(CooperativeResponse.From(cooperative));
    }
}
