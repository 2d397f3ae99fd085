using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Time;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Registry.Supervision;

/// <summary>Record that a follow-up of a supervision was done.</summary>
public static class CompleteFollowUpEndpoint
{
    public sealed record Request(DateOnly CompletedOn, string? Note = null);

    public static void Map(RouteGroupBuilder cooperatives) =>
        cooperatives.MapPost("/{id:guid}/supervision-records/{recordId:guid}/follow-ups/{number:int}/completion", Handle)
            .WithName("CompleteFollowUp")
            .RequireAuthorization(RegistryPolicies.Write)
            .WithTags("Supervision")
            .WithSummary("Complete a follow-up")
            .WithDescription("Records that follow-up number of a supervision record was done on completedOn (not in the future, not before the supervision); it is no longer overdue from that day. Requires If-Match with the koperasi's ETag.")
            .ProducesSupervisionStep();

    private static Task<Results<Ok<SupervisionResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Guid recordId, int number, Request request, IDocumentSession session, TimeProvider clock, HttpContext http)
    {
        var v = new RequestValidation();
        v.Id(recordId, "recordId");
        v.Count(number, "number", 1);
        v.Date(request.CompletedOn, "completedOn", FieldRules.EarliestCooperativeDate);
        v.FreeText(request.Note, "note", 2000, required: false);
        var command = new CompleteFollowUp(recordId, number, request.CompletedOn, FieldRules.Present(request.Note));
        return SupervisionSteps.RunAsync(id, http, session, v, (koperasi, supervision) => Task.FromResult(supervision.CompleteFollowUp(koperasi, command, clock.Today())));
    }
}
