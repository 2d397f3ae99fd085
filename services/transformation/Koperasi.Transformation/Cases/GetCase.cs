using Koperasi.ServiceDefaults.Http;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Transformation.Cases;

/// <summary>Read one case with its timeline; its stream version is the ETag.</summary>
public static class GetCase
{
    public static void Map(RouteGroupBuilder cases) =>
        cases.MapGet("/{id:guid}", Handle)
            .WithName("GetCase")
            .RequireAuthorization(TransformationPolicies.Read)
            .WithSummary("Read a case with its timeline")
            .WithDescription("The case, what it waits for, and every event of its stream with who recorded it and when.")
            .Produces<CaseResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<CaseResponse>, ProblemHttpResult>> Handle(
        Guid id, IQuerySession session, HttpResponse response, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<TransformationCase>(id, cancellationToken) is not { } found)
        {
            return Problems.NotFound("case", id);
        }

        var events = await session.Events.FetchStreamAsync(id, token: cancellationToken);
        response.SetETag(found.Version);
        return TypedResults.Ok(CaseResponse.From(found, CaseTimeline.Of(events, found)));
    }
}
