using Koperasi.Funding.Programmes;
using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Time;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Funding.Applications;

/// <summary>A verifikator decides whether a field-verified application is eligible.</summary>
public static class DecideEligibility
{
    public sealed record Request(bool Eligible, IReadOnlyList<string>? Reasons = null, string? Notes = null);

    public static void Map(RouteGroupBuilder applications) =>
        applications.MapPost("/{id:guid}/eligibility", Handle)
            .AsStep("DecideEligibility", FundingPolicies.Decide, "Decide eligibility",
                "The programme's eligibility switches are applied as they are now, with what the field verification found. eligible: true is refused (422, every failed rule in rules) when a rule refuses; eligible: false records every failed rule and the officer's reasons.");

    private static async Task<Results<Ok<ApplicationResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Request request, HttpContext http, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        var v = new RequestValidation();
        v.Check((request.Reasons?.Count ?? 0) <= 20, "reasons", "At most 20 reasons.");
        for (var i = 0; i < Math.Min(request.Reasons?.Count ?? 0, 20); i++)
        {
            v.FreeText(request.Reasons![i], $"reasons[{i}]", 1000);
        }

        v.FreeText(request.Notes, "notes", 2000, required: false);
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var reasons = (request.Reasons ?? []).Select(r => r.Trim()).ToList();
        return await ApplicationSteps.RunAsync(id, http, session, async application =>
        {
            var programme = await session.LoadAsync<Programme>(application.ProgrammeId, cancellationToken)
                ?? throw new InvalidOperationException($"Programme {application.ProgrammeId} of application {application.Id} is missing.");
            var grantsHeld = await GrantsHeldQuery.OfAnyAsync(session, [application.ApplicantId], cancellationToken);
            var decision = application.DecideEligibility(request.Eligible, reasons, FieldRules.Present(request.Notes), programme, grantsHeld, clock.Today());
            var rules = decision.Error is { Rule: "eligibility-rules-refuse" } ? application.EligibilityFailures(programme, grantsHeld) : [];
            return (decision, rules);
        }, cancellationToken);
    }
}
