using Koperasi.Registry.Activity;
using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Time;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Koperasi.Registry.Cooperatives;

/// <summary>Report the RAT (Rapat Anggota Tahunan) of a financial year.</summary>
public static class ReportRat
{
    public sealed record Request(
        int FinancialYear,
        DateOnly HeldOn,
        int MembersPresent,
        int MembersTotal,
        RatMode Mode,
        decimal? Assets = null,
        decimal? BusinessVolume = null,
        decimal? Surplus = null);

    /// <summary>What the report did: whether it was late and where activity stands now.</summary>
    public sealed record Response(Guid CooperativeId, int FinancialYear, bool Late, ActivityStatus Activity, long Version);

    public static void Map(RouteGroupBuilder cooperatives) =>
        cooperatives.MapPost("/{id:guid}/rat-reports", Handle)
            .WithName("ReportRat")
            .RequireAuthorization(RegistryPolicies.Write)
            .WithSummary("Report a RAT")
            .WithDescription("Records the RAT of a financial year. A late RAT is accepted and flagged; a second report for the same year answers 409. Requires If-Match with the koperasi's ETag (428 without it, 409 when stale).")
            .Produces<Response>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

    private static Task<Results<Created<Response>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Request request, IDocumentSession session, TimeProvider clock, IOptions<ActivityPolicy> policy, HttpContext http)
    {
        var validation = new RequestValidation();
        Validate(request, validation, "");
        return CooperativeSteps.Step.RunAsync(
            id, http, session,
            cooperative => cooperative.ReportRat(ToReport(request), clock.Today(), policy.Value),
            step => TypedResults.Created(
                $"/api/registry/cooperatives/{id}",
                new Response(id, request.FinancialYear, step.Events.OfType<RatRecorded>().Single().Late, step.After.Activity, step.Version)),
            validation);
    }

    public static void Validate(Request request, RequestValidation v, string prefix)
    {
        v.Year(request.FinancialYear, prefix + "financialYear", FieldRules.EarliestCooperativeDate.Year, 9999);
        v.Count(request.MembersTotal, prefix + "membersTotal", 1);
        v.Count(request.MembersPresent, prefix + "membersPresent", 0);
        v.Check(request.MembersPresent <= request.MembersTotal, prefix + "membersPresent", "More members present than members in total.");
        v.NotNegative(request.Assets, prefix + "assets");
        v.NotNegative(request.BusinessVolume, prefix + "businessVolume");
    }

    public static RatReport ToReport(Request request) => new(
        request.FinancialYear, request.HeldOn, request.MembersPresent, request.MembersTotal, request.Mode,
        request.Assets, request.BusinessVolume, request.Surplus);
}
