using System.Security.Claims;
using Koperasi.Registry.Activity;
using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Identity;
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
            .WithDescription("Records the RAT of a financial year. A late RAT is accepted and flagged; a second report for the same year answers 409. If-Match is optional here.")
            .Produces<Response>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Results<Created<Response>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Request request, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, IOptions<ActivityPolicy> policy,
        HttpRequest httpRequest, HttpResponse response, CancellationToken cancellationToken)
    {
        var expectedVersion = httpRequest.ReadIfMatch(out var badIfMatch);
        if (badIfMatch is ValidationProblem badHeader)
        {
            return badHeader;
        }

        var validation = new RequestValidation();
        Validate(request, validation, "");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var stream = expectedVersion is { } expected
            ? await session.Events.FetchForWriting<Cooperative>(id, expected, cancellationToken)
            : await session.Events.FetchForWriting<Cooperative>(id, cancellationToken);
        if (stream.Aggregate is not { } cooperative)
        {
            return Problems.NotFound("koperasi", id);
        }

        if (!user.MayActOnRegency(cooperative.Address.RegencyCode))
        {
            return OutsideRegency.Problem(cooperative.Address.RegencyCode, "id");
        }

        var decision = cooperative.ReportRat(ToReport(request), clock.Today(), policy.Value);
        if (decision.Error is { } error)
        {
            return error.ToProblem();
        }

        stream.AppendMany(decision.Events);
        await session.SaveChangesAsync(cancellationToken);

        var after = decision.Events.Aggregate(cooperative, (state, e) => Cooperative.Fold(state, e)!);
        var version = cooperative.Version + decision.Events.Count;
        response.SetETag(version);
        var late = decision.Events.OfType<RatRecorded>().Single().Late;
        return TypedResults.Created($"/api/registry/cooperatives/{id}", new Response(id, request.FinancialYear, late, after.Activity, version));
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
