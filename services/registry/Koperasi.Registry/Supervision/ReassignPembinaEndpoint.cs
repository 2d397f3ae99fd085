using Koperasi.ServiceDefaults.Time;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Registry.Supervision;

/// <summary>Hand a level over to another pembina; the previous assignment ends today.</summary>
public static class ReassignPembinaEndpoint
{
    public static void Map(RouteGroupBuilder cooperatives) =>
        cooperatives.MapPost("/{id:guid}/pembina-reassignments", Handle)
            .WithName("ReassignPembina")
            .RequireAuthorization(RegistryPolicies.Write)
            .WithTags("Supervision")
            .WithSummary("Reassign a pembina")
            .WithDescription("Another pembina takes a level over from today; the previous one's assignment ends the same day. 409 pembina-not-assigned when the level has no pembina. Requires If-Match with the koperasi's ETag.")
            .ProducesSupervisionStep();

    private static Task<Results<Ok<SupervisionResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, AssignPembinaEndpoint.Request request, IDocumentSession session, TimeProvider clock, HttpContext http)
    {
        var v = AssignPembinaEndpoint.Validate(request, out var command);
        return SupervisionSteps.RunAsync(id, http, session, v, (koperasi, supervision) => Task.FromResult(supervision.ReassignPembina(koperasi, command, clock.Today())));
    }
}
