using Marten;

namespace Koperasi.Funding.Programmes;

/// <summary>Every programme, the latest year first.</summary>
public static class ListProgrammes
{
    public static void Map(RouteGroupBuilder programmes) =>
        programmes.MapGet("", Handle)
            .WithName("ListProgrammes")
            .RequireAuthorization(FundingPolicies.ReadProgrammes)
            .WithSummary("List the programmes")
            .Produces<IReadOnlyList<ProgrammeResponse>>();

    private static async Task<IResult> Handle(IQuerySession session, CancellationToken cancellationToken)
    {
        var programmes = await session.Query<Programme>().OrderByDescending(p => p.Year).ToListAsync(cancellationToken);
        return TypedResults.Ok(programmes.Select(ProgrammeResponse.From).ToList());
    }
}
