using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Persistence;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Registry.Cooperatives;

/// <summary>The history of a koperasi: every event of its stream, with who recorded it and when.</summary>
public static class GetHistory
{
    public static void Map(RouteGroupBuilder cooperatives) =>
        cooperatives.MapGet("/{id:guid}/history", Handle)
            .WithName("GetCooperativeHistory")
            .RequireAuthorization(RegistryPolicies.History)
            .WithSummary("History of a koperasi")
            .Produces<IReadOnlyList<HistoryEntry>>()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<IReadOnlyList<HistoryEntry>>, ProblemHttpResult>> Handle(
        Guid id, IQuerySession session, CancellationToken cancellationToken)
    {
        var events = await session.Events.FetchStreamAsync(id, token: cancellationToken);
        if (events.Count == 0)
        {
            return Problems.NotFound("koperasi", id);
        }

        return TypedResults.Ok<IReadOnlyList<HistoryEntry>>([.. events.Select(HistoryEntry.Of)]);
    }
}
