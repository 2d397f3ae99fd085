using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Time;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Registry.Supervision;

/// <summary>End a flagship designation from a day on.</summary>
public static class EndFlagshipDesignationEndpoint
{
    public sealed record Request(DateOnly EndedOn, string Reason);

    public static void Map(RouteGroupBuilder cooperatives) =>
        cooperatives.MapPost("/{id:guid}/flagship-designations/{designationId:guid}/end", Handle)
            .WithName("EndFlagshipDesignation")
            .RequireAuthorization(RegistryPolicies.Designate)
            .WithTags("Supervision")
            .WithSummary("End a flagship designation")
            .WithDescription("The designation no longer holds from endedOn (a day after its first, up to its last, not in the future). A flagged designation of a dissolved koperasi may still be ended. Requires If-Match with the koperasi's ETag.")
            .ProducesSupervisionStep();

    private static Task<Results<Ok<SupervisionResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Guid designationId, Request request, IDocumentSession session, TimeProvider clock, HttpContext http)
    {
        var v = new RequestValidation();
        v.Id(designationId, "designationId");
        v.Date(request.EndedOn, "endedOn", FieldRules.EarliestCooperativeDate);
        v.FreeText(request.Reason, "reason", 2000);
        var command = new EndFlagshipDesignation(designationId, request.EndedOn, request.Reason?.Trim() ?? "");
        return SupervisionSteps.RunAsync(id, http, session, v, (_, supervision) => Task.FromResult(supervision.EndFlagshipDesignation(command, clock.Today())));
    }
}
