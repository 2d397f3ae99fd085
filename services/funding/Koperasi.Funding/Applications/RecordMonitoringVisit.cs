using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Time;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Funding.Applications;

/// <summary>A pendamping of the regency visits a disbursed grant's business.</summary>
public static class RecordMonitoringVisit
{
    public sealed record Request(
        DateOnly VisitedOn,
        bool FundsUsedAsPlanned,
        decimal? MonthlyRevenue = null,
        string? Production = null,
        IReadOnlyList<string>? PhotoReferences = null,
        string? Notes = null);

    public static void Map(RouteGroupBuilder applications) =>
        applications.MapPost("/{id:guid}/monitoring-visits", Handle)
            .AsStep("RecordMonitoringVisit", FundingPolicies.FieldWork, "Record a monitoring visit",
                "After disbursement, by a pendamping of the application's regency: the day (not before the disbursement), whether the funds were used as planned, the monthly revenue, what is produced, references to photos.");

    private static async Task<Results<Ok<ApplicationResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Request request, HttpContext http, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        var v = new RequestValidation();
        v.NotNegative(request.MonthlyRevenue, "monthlyRevenue");
        v.FreeText(request.Production, "production", 1000, required: false);
        v.FreeText(request.Notes, "notes", 2000, required: false);
        PhotoReferences.Check(v, request.PhotoReferences, "photoReferences");
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var report = new MonitoringReport(
            request.VisitedOn, request.FundsUsedAsPlanned, request.MonthlyRevenue, FieldRules.Present(request.Production),
            [.. (request.PhotoReferences ?? []).Select(p => p.Trim())], FieldRules.Present(request.Notes));
        return await ApplicationSteps.RunAsync(id, http, session,
            application => ApplicationSteps.Plain(application.RecordVisit(report, http.User.ActorName(), clock.Today())), cancellationToken);
    }
}
