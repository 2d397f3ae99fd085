using Koperasi.ServiceDefaults.Http;
using Koperasi.Transformation.Cases;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Transformation.Cooperatives;

/// <summary>Whether a koperasi may take part in a case, as this service knows it from the register.</summary>
public static class GetCooperative
{
    public static void Map(RouteGroupBuilder cooperatives) =>
        cooperatives.MapGet("/{id:guid}", Handle)
            .WithName("GetCooperativeStanding")
            .RequireAuthorization(TransformationPolicies.Read)
            .WithSummary("May a koperasi take part in a case?")
            .WithDescription("What this service learned of the koperasi from the register's events, the case that holds it, and whether a proposal naming it would be accepted (otherwise the rule it would break). 404 when the register has said nothing of it yet.")
            .Produces<CooperativeStanding>()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<CooperativeStanding>, ProblemHttpResult>> Handle(Guid id, IQuerySession session, CancellationToken cancellationToken)
    {
        var standing = (await Proposals.StandingsAsync(session, [id], cancellationToken))[id];
        return standing is { Cooperative: null, Claim: null }
            ? Problems.NotFound("koperasi known from the register", id)
            : TypedResults.Ok(CooperativeStanding.From(id, standing));
    }
}
