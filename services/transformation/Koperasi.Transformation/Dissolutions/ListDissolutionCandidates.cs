using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Time;
using Koperasi.Transformation.Cases;
using Koperasi.Transformation.Cooperatives;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Koperasi.Transformation.Dissolutions;

/// <summary>
/// The government path's worklist for a regency: the koperasi of the register (this service's
/// replica) without a RAT for at least Dissolution:NoRatYears financial years up to the last closed
/// one, not dissolved and in no open case (dissolution or transformation).
/// </summary>
public static class ListDissolutionCandidates
{
    public sealed record Candidate(Guid CooperativeId, string Name, string RegencyCode, int MemberCount, int? LatestRatYear, int YearsWithoutRat);

    public sealed record Answer(string RegencyCode, int LastClosedYear, int NoRatYears, IReadOnlyList<Candidate> Items);

    public static void Map(RouteGroupBuilder cases) =>
        cases.MapGet("/candidates", Handle)
            .WithName("ListDissolutionCandidates")
            .RequireAuthorization(TransformationPolicies.Read)
            .WithSummary("Candidates for dissolution by the government, per regency")
            .WithDescription("regency (1571 or 15.71) is required. The koperasi without a RAT for at least Dissolution:NoRatYears (default 3) financial years up to the last closed one (the previous calendar year, WIB), counted from the latest RAT or, without one, from the year of the legal entity; not dissolved, in no open case. Most years without RAT first.")
            .Produces<Answer>()
            .ProducesValidationProblem();

    private static async Task<Results<Ok<Answer>, ValidationProblem>> Handle(
        IQuerySession session, TimeProvider clock, IOptions<DissolutionOptions> options, CancellationToken cancellationToken, string? regency = null)
    {
        var v = new RequestValidation();
        var regencyCode = v.Regency(regency, "regency", required: true);
        if (!v.IsValid || regencyCode is null)
        {
            return v.ToValidationProblem();
        }

        var lastClosedYear = clock.Today().Year - 1;
        var noRatYears = options.Value.NoRatYears;
        var known = await session.Query<KnownCooperative>()
            .Where(c => c.IsRegistered && c.DissolvedOn == null && c.RegencyCode!.Value == regencyCode)
            .ToListAsync(cancellationToken);
        var due = known
            .Select(c => (Cooperative: c, Years: YearsWithoutRat(c, lastClosedYear)))
            .Where(c => c.Years >= noRatYears)
            .ToList();
        var claims = due.Count == 0
            ? []
            : (await session.LoadManyAsync<ParticipationClaim>(cancellationToken, [.. due.Select(c => c.Cooperative.Id)])).ToDictionary(c => c.Id);
        var items = due
            .Where(c => !claims.ContainsKey(c.Cooperative.Id))
            .Select(c => new Candidate(c.Cooperative.Id, c.Cooperative.Name!.Value, regencyCode, c.Cooperative.MemberCount?.Value ?? 0, c.Cooperative.LatestRatYear, c.Years!.Value))
            .OrderByDescending(c => c.YearsWithoutRat).ThenBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.CooperativeId)
            .ToList();
        return TypedResults.Ok(new Answer(regencyCode, lastClosedYear, noRatYears, items));
    }

    /// <summary>Closed financial years since the latest RAT (or the legal entity's year); null when neither is known.</summary>
    public static int? YearsWithoutRat(KnownCooperative cooperative, int lastClosedYear) =>
        (cooperative.LatestRatYear ?? cooperative.DecreeYear) is { } since ? lastClosedYear - since : null;
}
