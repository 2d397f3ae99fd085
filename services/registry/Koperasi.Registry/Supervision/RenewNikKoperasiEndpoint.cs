using Koperasi.Registry.Cooperatives;
using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Time;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Registry.Supervision;

/// <summary>Record the ministry's yearly renewal of the koperasi's NIK koperasi.</summary>
public static class RenewNikKoperasiEndpoint
{
    public sealed record Request(string Number, DateOnly RenewedOn);

    public static void Map(RouteGroupBuilder cooperatives) =>
        cooperatives.MapPost("/{id:guid}/nik-koperasi-renewals", Handle)
            .WithName("RenewNikKoperasi")
            .RequireAuthorization(RegistryPolicies.Write)
            .WithTags("Supervision")
            .WithSummary("Record a NIK koperasi renewal")
            .WithDescription("A NIK koperasi is valid on a day when issued or renewed within the year before and the koperasi exists. The renewal names the number the koperasi holds (a new number is a change of details, 422); a renewal already recorded changes nothing; a number another koperasi holds answers 409. Requires If-Match with the koperasi's ETag.")
            .ProducesSupervisionStep();

    private static Task<Results<Ok<SupervisionResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Request request, IDocumentSession session, TimeProvider clock, HttpContext http)
    {
        var v = new RequestValidation();
        v.Code(request.Number, "number", 50);
        v.Date(request.RenewedOn, "renewedOn", FieldRules.EarliestCooperativeDate);
        var command = new RenewNikKoperasi(request.Number?.Trim() ?? "", request.RenewedOn);
        return SupervisionSteps.RunClaimingAsync<IdentifierClaim>(
            id, http, session, v,
            (koperasi, supervision) => supervision.RenewNikKoperasi(koperasi, command, clock.Today()),
            async (koperasi, decision) =>
            {
                if (await IdentifierClaim.CheckAsync(session, id, decision.Events, http.RequestAborted) is { } taken)
                {
                    return taken;
                }

                IdentifierClaim.UpdateInSession(session, id, decision.Events, koperasi);
                return null;
            },
            number => IdentifierClaim.Conflict(number));
    }
}
