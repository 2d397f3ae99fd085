using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Time;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Funding.Applications;

/// <summary>A pendamping of the application's regency verifies the business in the field.</summary>
public static class VerifyInField
{
    public sealed record Request(
        DateOnly VisitedOn, string Findings, bool BusinessFound, bool KurDebtorFound, IReadOnlyList<string>? PhotoReferences = null);

    public static void Map(RouteGroupBuilder applications) =>
        applications.MapPost("/{id:guid}/field-verification", Handle)
            .AsStep("VerifyInField", FundingPolicies.FieldWork, "Record the field verification",
                "By a pendamping of the application's regency (403 outside-your-regency otherwise): the day of the visit, the findings, whether the business was found, whether a current KUR loan was found, and references to the photos taken.");

    private static async Task<Results<Ok<ApplicationResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Request request, HttpContext http, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        var v = new RequestValidation();
        v.FreeText(request.Findings, "findings", 4000);
        PhotoReferences.Check(v, request.PhotoReferences, "photoReferences");
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var visit = new FieldVisit(request.VisitedOn, request.Findings.Trim(), request.BusinessFound, request.KurDebtorFound, [.. (request.PhotoReferences ?? []).Select(p => p.Trim())]);
        return await ApplicationSteps.RunAsync(id, http, session,
            application => ApplicationSteps.Plain(application.VerifyInField(visit, http.User.ActorName(), clock.Today())), cancellationToken);
    }
}
