using Koperasi.Registry.Activity;
using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Time;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Koperasi.Registry.Supervision;

/// <summary>Designate a koperasi the flagship (koperasi unggulan) of its regency for a period.</summary>
public static class DesignateFlagshipEndpoint
{
    public sealed record Request(string RegencyCode, string Reason, DateOnly ValidFrom, DateOnly ValidUntil, Guid? DesignationId = null);

    public static void Map(RouteGroupBuilder cooperatives) =>
        cooperatives.MapPost("/{id:guid}/flagship-designations", Handle)
            .WithName("DesignateFlagship")
            .RequireAuthorization(RegistryPolicies.Designate)
            .WithTags("Supervision")
            .WithSummary("Designate a flagship koperasi")
            .WithDescription("The Dinas designates an aktif, existing koperasi the flagship of its regency (regencyCode) from validFrom to validUntil, with the reason. 409 flagship-requires-aktif for a tidak aktif one, flagship-already-designated for an overlapping designation. A designation whose koperasi becomes tidak aktif or is dissolved is flagged. Requires If-Match with the koperasi's ETag.")
            .ProducesSupervisionStep();

    private static Task<Results<Ok<SupervisionResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Request request, IDocumentSession session, TimeProvider clock, IOptions<ActivityPolicy> policy, HttpContext http)
    {
        var v = new RequestValidation();
        if (request.DesignationId is { } designationId)
        {
            v.Id(designationId, "designationId");
        }

        var regency = v.Regency(request.RegencyCode, "regencyCode");
        v.FreeText(request.Reason, "reason", 2000);
        v.Date(request.ValidFrom, "validFrom", FieldRules.EarliestCooperativeDate);
        v.DateRange(request.ValidFrom, request.ValidUntil, "validUntil");
        var command = new DesignateFlagship(request.DesignationId ?? Guid.CreateVersion7(), regency ?? "", request.Reason?.Trim() ?? "", request.ValidFrom, request.ValidUntil);
        return SupervisionSteps.RunAsync(id, http, session, v, (koperasi, supervision) => Task.FromResult(supervision.DesignateFlagship(koperasi, command, clock.Today(), policy.Value)));
    }
}
