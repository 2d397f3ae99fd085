using JasperFx;
using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Time;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Registry.Supervision;

/// <summary>Mark a koperasi as the Koperasi Desa/Kelurahan Merah Putih (KDMP) of a desa of its regency.</summary>
public static class MarkKdmpEndpoint
{
    public sealed record Request(string DesaCode, DateOnly MarkedOn);

    public static void Map(RouteGroupBuilder cooperatives) =>
        cooperatives.MapPost("/{id:guid}/kdmp", Handle)
            .WithName("MarkKdmp")
            .RequireAuthorization(RegistryPolicies.Designate)
            .WithTags("Supervision")
            .WithSummary("Mark as KDMP of a desa")
            .WithDescription("Marks the koperasi as the KDMP of a desa or kelurahan of its regency (desaCode, Kemendagri, e.g. 15.02.02.1010) from markedOn. A desa has at most one KDMP (409 desa-already-has-kdmp) and a koperasi is the KDMP of one desa (409 kdmp-already-marked); the same desa again changes nothing. Requires If-Match with the koperasi's ETag.")
            .Produces<SupervisionResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

    private static Task<Results<Ok<SupervisionResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Request request, IDocumentSession session, TimeProvider clock, HttpContext http)
    {
        var v = new RequestValidation();
        v.Code(request.DesaCode, "desaCode", 20);
        v.Date(request.MarkedOn, "markedOn", FieldRules.EarliestCooperativeDate);
        var command = new MarkKdmp(request.DesaCode?.Trim() ?? "", request.MarkedOn);
        return SupervisionSteps.RunAsync(
            id, http, session, v,
            async (koperasi, supervision) =>
            {
                var decision = supervision.MarkKdmp(koperasi, command, clock.Today());
                if (decision.IsRejected || KdmpDesaClaim.GivenBy(decision.Events) is not { } claim)
                {
                    return decision;
                }

                var held = await session.LoadAsync<KdmpDesaClaim>(claim.Id, http.RequestAborted);
                if (KdmpDesaClaim.Check(held, id) is { } taken)
                {
                    return taken;
                }

                if (held is null)
                {
                    session.Insert(claim);
                }

                return decision;
            },
            failure => failure is DocumentAlreadyExistsException claimed && claimed.DocType == typeof(KdmpDesaClaim)
                ? KdmpDesaClaim.Taken(claimed.Id.ToString() ?? "").ToProblem()
                : null);
    }
}
