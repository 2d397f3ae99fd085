using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Time;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Registry.Supervision;

/// <summary>Record a supervision (pembinaan): a visit, a guidance session or attendance at a RAT, with follow-ups.</summary>
public static class RecordSupervisionEndpoint
{
    public const int MaxFollowUps = 20;

    public sealed record FollowUpRequest(string Action, DateOnly DueOn);

    public sealed record Request(
        SupervisionKind Kind,
        DateOnly HeldOn,
        string Findings,
        string Recommendations,
        IReadOnlyList<FollowUpRequest>? FollowUps = null,
        Guid? RecordId = null,
        string? PembinaUserId = null);

    public static void Map(RouteGroupBuilder cooperatives) =>
        cooperatives.MapPost("/{id:guid}/supervision-records", Handle)
            .WithName("RecordSupervision")
            .RequireAuthorization(RegistryPolicies.Write)
            .WithTags("Supervision")
            .WithSummary("Record a supervision")
            .WithDescription("Records a visit, guidance session or RAT attendance (kind) held on heldOn, with findings, recommendations and follow-ups due on dueOn (numbered from 1). The pembina is the caller unless pembinaUserId names another; recordId is generated unless given (a record already recorded answers 409). Free text may not carry a NIK, phone number or bank account (422). Requires If-Match with the koperasi's ETag.")
            .ProducesSupervisionStep();

    private static Task<Results<Ok<SupervisionResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Request request, IDocumentSession session, TimeProvider clock, HttpContext http)
    {
        var v = new RequestValidation();
        if (request.RecordId is { } recordId)
        {
            v.Id(recordId, "recordId");
        }

        v.Name(request.PembinaUserId, "pembinaUserId", 100, required: false);
        v.Date(request.HeldOn, "heldOn", FieldRules.EarliestCooperativeDate);
        v.FreeText(request.Findings, "findings", 4000);
        v.FreeText(request.Recommendations, "recommendations", 4000);
        v.Items(request.FollowUps, "followUps", MaxFollowUps);
        var followUps = request.FollowUps ?? [];
        for (var i = 0; i < followUps.Count; i++)
        {
            if (followUps[i] is not { } followUp)
            {
                v.Add($"followUps[{i}]", "A follow-up names an action and its due date.");
                continue;
            }

            v.FreeText(followUp.Action, $"followUps[{i}].action", 1000);
            v.Date(followUp.DueOn, $"followUps[{i}].dueOn", FieldRules.EarliestCooperativeDate);
        }

        var command = new RecordSupervision(
            request.RecordId ?? Guid.CreateVersion7(),
            request.Kind,
            request.HeldOn,
            FieldRules.Present(request.PembinaUserId) ?? SupervisionSteps.UserOf(http) ?? "",
            request.Findings?.Trim() ?? "",
            request.Recommendations?.Trim() ?? "",
            [.. followUps.Where(f => f is not null).Select(f => new FollowUpPlan(f.Action?.Trim() ?? "", f.DueOn))]);
        return SupervisionSteps.RunAsync(id, http, session, v, (koperasi, supervision) => Task.FromResult(supervision.RecordSupervision(koperasi, command, clock.Today())));
    }
}
