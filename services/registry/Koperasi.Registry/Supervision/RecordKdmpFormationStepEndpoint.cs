using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Time;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Registry.Supervision;

/// <summary>Record a formation step of a KDMP: musyawarah desa khusus, deed, legal entity.</summary>
public static class RecordKdmpFormationStepEndpoint
{
    public sealed record Request(KdmpFormationStep Step, DateOnly On, string? Reference = null);

    public static void Map(RouteGroupBuilder cooperatives) =>
        cooperatives.MapPost("/{id:guid}/kdmp/formation-steps", Handle)
            .WithName("RecordKdmpFormationStep")
            .RequireAuthorization(RegistryPolicies.Write)
            .WithTags("Supervision")
            .WithSummary("Record a KDMP formation step")
            .WithDescription("Records a step (musyawarah-desa-khusus, deed, legal-entity) on a date with an optional reference (deed or decree number). The steps follow each other by date; a step already recorded answers 409 (the same again changes nothing). Requires If-Match with the koperasi's ETag.")
            .ProducesSupervisionStep();

    private static Task<Results<Ok<SupervisionResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Request request, IDocumentSession session, TimeProvider clock, HttpContext http)
    {
        var v = new RequestValidation();
        v.Date(request.On, "on", FieldRules.EarliestCooperativeDate);
        v.Code(request.Reference, "reference", 100, required: false);
        var command = new RecordKdmpFormationStep(request.Step, request.On, FieldRules.Present(request.Reference));
        return SupervisionSteps.RunAsync(id, http, session, v, (koperasi, supervision) => Task.FromResult(supervision.RecordKdmpFormationStep(koperasi, command, clock.Today())));
    }
}
