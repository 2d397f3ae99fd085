using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Persistence;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Funding.Applications;

/// <summary>The history of an application: every event of its stream, with who recorded it and when (no personal data is in them).</summary>
public static class GetApplicationHistory
{
    public static void Map(RouteGroupBuilder applications) =>
        applications.MapGet("/{id:guid}/history", Handle)
            .WithName("GetApplicationHistory")
            .RequireAuthorization(FundingPolicies.ReadHistory)
            .WithSummary("History of an application")
            .Produces<IReadOnlyList<HistoryEntry>>()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<IReadOnlyList<HistoryEntry>>, ProblemHttpResult>> Handle(
        Guid id, IQuerySession session, CancellationToken cancellationToken)
    {
        var events = await session.Events.FetchStreamAsync(id, token: cancellationToken);
        if (events.Count == 0 || events[0].Data is not ApplicationSubmitted)
        {
            return Problems.NotFound("application", id);
        }

        return TypedResults.Ok<IReadOnlyList<HistoryEntry>>([.. events.Select(HistoryEntry.Of)]);
    }
}
