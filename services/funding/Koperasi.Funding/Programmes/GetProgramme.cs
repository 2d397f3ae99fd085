using Koperasi.ServiceDefaults.Http;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Funding.Programmes;

/// <summary>Read one programme; its stream version is the ETag.</summary>
public static class GetProgramme
{
    public static void Map(RouteGroupBuilder programmes) =>
        programmes.MapGet("/{id:guid}", Handle)
            .WithName("GetProgramme")
            .RequireAuthorization(FundingPolicies.ReadProgrammes)
            .WithSummary("Read a programme")
            .Produces<ProgrammeResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<ProgrammeResponse>, ProblemHttpResult>> Handle(
        Guid id, IQuerySession session, HttpResponse response, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<Programme>(id, cancellationToken) is not { } programme)
        {
            return Problems.NotFound("programme", id);
        }

        response.SetETag(programme.Version);
        return TypedResults.Ok(ProgrammeResponse.From(programme));
    }
}
