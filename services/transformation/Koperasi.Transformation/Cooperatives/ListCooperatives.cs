using Koperasi.ServiceDefaults.Http;
using Koperasi.Transformation.Cases;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Transformation.Cooperatives;

/// <summary>The koperasi this service knows from the register, for choosing the participants of a case.</summary>
public static class ListCooperatives
{
    public sealed record Page(IReadOnlyList<CooperativeStanding> Items, int PageNumber, int PageSize, long TotalCount);

    public const int MaxPageSize = 200;

    public static void Map(RouteGroupBuilder cooperatives) =>
        cooperatives.MapGet("", Handle)
            .WithName("ListCooperativeStandings")
            .RequireAuthorization(TransformationPolicies.Read)
            .WithSummary("Koperasi known from the register")
            .WithDescription("Every koperasi whose registration this service received, with whether it may take part in a case. Filters: regency (1571 or 15.71), q (part of the name). Sorted by name; page from 1, pageSize up to 200.")
            .Produces<Page>()
            .ProducesValidationProblem();

    private static async Task<Results<Ok<Page>, ValidationProblem>> Handle(
        IQuerySession session, CancellationToken cancellationToken, string? regency = null, string? q = null, int page = 1, int pageSize = 50)
    {
        var v = new RequestValidation();
        var regencyCode = v.Regency(regency, "regency", required: false);
        v.Check(q is null || q.Length <= 100, "q", "At most 100 characters.");
        v.Page(page, pageSize, MaxPageSize);
        if (!v.IsValid)
        {
            return v.ToValidationProblem();
        }

        var query = session.Query<KnownCooperative>().Where(c => c.IsRegistered);
        if (regencyCode is not null)
        {
            query = query.Where(c => c.RegencyCode!.Value == regencyCode);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            query = query.Where(c => c.Name!.Value.Contains(text, StringComparison.OrdinalIgnoreCase));
        }

        var totalCount = await query.LongCountAsync(cancellationToken);
        var found = await query.OrderBy(c => c.Name!.Value).ThenBy(c => c.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var claims = (await session.LoadManyAsync<ParticipationClaim>(cancellationToken, [.. found.Select(c => c.Id)])).ToDictionary(c => c.Id);
        var items = found.Select(c => CooperativeStanding.From(c.Id, new Standing(c, claims.GetValueOrDefault(c.Id)))).ToList();
        return TypedResults.Ok(new Page(items, page, pageSize, totalCount));
    }
}
