using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Time;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Registry.Supervision;

/// <summary>The regencies without a flagship koperasi on a day.</summary>
public static class RegenciesWithoutFlagshipEndpoint
{
    public sealed record RegencyRow(string RegencyCode, string RegencyName);

    public sealed record FlaggedRow(Guid CooperativeId, Guid DesignationId, string RegencyCode, FlagshipFlagReason Reason, DateOnly FlaggedOn);

    public sealed record Response(DateOnly On, IReadOnlyList<RegencyRow> Regencies, IReadOnlyList<FlaggedRow> Flagged);

    public static void Map(RouteGroupBuilder supervision) =>
        supervision.MapGet("/regencies-without-flagship", Handle)
            .WithName("ListRegenciesWithoutFlagship")
            .RequireAuthorization(RegistryPolicies.Read)
            .WithSummary("Regencies without a flagship koperasi")
            .WithDescription("The regencies of Jambi that had no flagship on on (default today): no designation held by an existing koperasi, unflagged. Also the designations flagged by then (the koperasi became tidak aktif or was dissolved) and not yet ended, for the Dinas to review.")
            .Produces<Response>()
            .ProducesValidationProblem();

    private static async Task<Results<Ok<Response>, ValidationProblem>> Handle(
        IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken, DateOnly? on = null)
    {
        var v = new RequestValidation();
        v.OptionalDate(on, "on", FieldRules.EarliestCooperativeDate);
        if (!v.IsValid)
        {
            return v.ToValidationProblem();
        }

        var day = on ?? clock.Today();
        var designated = await session.Query<CooperativeSupervision>().Where(s => s.Designations.Any()).ToListAsync(cancellationToken);
        return TypedResults.Ok(new Response(
            day,
            [.. FlagshipQueries.RegenciesWithoutFlagship(designated, day).Select(r => new RegencyRow(r.Code, r.DisplayName))],
            [.. FlagshipQueries.Flagged(designated, day).Select(f => new FlaggedRow(f.CooperativeId, f.Designation.DesignationId, f.Designation.RegencyCode, f.Designation.Flag!.Reason, f.Designation.Flag.On))]));
    }
}
