using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Time;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Registry.Supervision;

/// <summary>Mark a koperasi as the Koperasi Desa/Kelurahan Merah Putih (KDMP) of a desa of its kecamatan.</summary>
public static class MarkKdmpEndpoint
{
    public sealed record Request(string DesaCode, DateOnly MarkedOn);

    public static void Map(RouteGroupBuilder cooperatives) =>
        cooperatives.MapPost("/{id:guid}/kdmp", Handle)
            .WithName("MarkKdmp")
            .RequireAuthorization(RegistryPolicies.Designate)
            .WithTags("Supervision")
            .WithSummary("Mark as KDMP of a desa")
            .WithDescription("Marks the koperasi as the KDMP of a desa or kelurahan of its own kecamatan (desaCode, Kemendagri, e.g. 15.02.02.1010) from markedOn; a desa of another kecamatan or regency answers 422 (kdmp-desa-outside-kecamatan, kdmp-desa-outside-regency). A desa has at most one KDMP (409 desa-already-has-kdmp); once its KDMP is dissolved, merged or amalgamated away, it can have a new one from that day (422 kdmp-before-previous-ended before it). A koperasi is the KDMP of one desa (409 kdmp-already-marked); the same desa again changes nothing. Requires If-Match with the koperasi's ETag.")
            .ProducesSupervisionStep();

    private static Task<Results<Ok<SupervisionResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Request request, IDocumentSession session, TimeProvider clock, HttpContext http)
    {
        var v = new RequestValidation();
        v.Code(request.DesaCode, "desaCode", 20);
        v.Date(request.MarkedOn, "markedOn", FieldRules.EarliestCooperativeDate);
        var command = new MarkKdmp(request.DesaCode?.Trim() ?? "", request.MarkedOn);
        return SupervisionSteps.RunClaimingAsync<KdmpDesaClaim>(
            id, http, session, v,
            (koperasi, supervision) => supervision.MarkKdmp(koperasi, command, clock.Today()),
            async (_, decision) =>
            {
                if (KdmpDesaClaim.GivenBy(decision.Events) is not { } claim)
                {
                    return null;
                }

                var held = await session.LoadAsync<KdmpDesaClaim>(claim.Id, http.RequestAborted);
                if (held is not null)
                {
                    return KdmpDesaClaim.Check(held, id);
                }

                // The desa's claim is free: a previous KDMP of it ended on its dissolution, merger or amalgamation.
                var marking = decision.Events.OfType<KdmpMarked>().Single();
                var previous = await session.Query<CooperativeSupervision>()
                    .Where(s => s.RegencyCode == marking.RegencyCode && s.Kdmp != null && s.Kdmp.DesaCode == marking.DesaCode)
                    .ToListAsync(http.RequestAborted);
                if (KdmpDesaClaim.CheckPrevious(previous, id, marking) is { } refused)
                {
                    return refused;
                }

                session.Insert(claim);
                return null;
            },
            desa => KdmpDesaClaim.Taken(desa.ToString() ?? ""));
    }
}
