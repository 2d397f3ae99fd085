using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Regions;
using Koperasi.ServiceDefaults.Time;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Registry.Supervision;

/// <summary>Coverage of the Kopdes/Kel Merah Putih programme per regency and per kecamatan on a day.</summary>
public static class KdmpCoverageEndpoint
{
    public sealed record Response(DateOnly On, int DesaWithKdmp, int AllDesa, IReadOnlyList<KdmpCoverageRow> Regencies, IReadOnlyList<KdmpCoverageRow> Kecamatan);

    public static void Map(RouteGroupBuilder supervision) =>
        supervision.MapGet("/kdmp-coverage", Handle)
            .WithName("GetKdmpCoverage")
            .RequireAuthorization(RegistryPolicies.Read)
            .WithTags("Statistics")
            .WithSummary("KDMP coverage per regency and kecamatan")
            .WithDescription("On on (default today): per regency and per kecamatan, the desa and kelurahan with a KDMP (marked by then, by a koperasi that still existed) out of all of them. regency narrows the kecamatan rows to one regency.")
            .Produces<Response>()
            .ProducesValidationProblem();

    private static async Task<Results<Ok<Response>, ValidationProblem>> Handle(
        IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken, DateOnly? on = null, string? regency = null)
    {
        var v = new RequestValidation();
        v.OptionalDate(on, "on", FieldRules.EarliestCooperativeDate);
        var code = v.Regency(regency, "regency", required: false);
        if (!v.IsValid)
        {
            return v.ToValidationProblem();
        }

        var day = on ?? clock.Today();
        var marked = await SupervisionStatistics.KdmpMarkedAsync(session, cancellationToken);
        var regencies = KdmpCoverage.PerRegency(marked, day);
        var kecamatan = KdmpCoverage.PerKecamatan(marked, day)
            .Where(k => code is null || Places.FindKecamatan(k.Code)?.RegencyCode == code)
            .ToList();
        return TypedResults.Ok(new Response(day, regencies.Sum(r => r.DesaWithKdmp), regencies.Sum(r => r.AllDesa), regencies, kecamatan));
    }
}
