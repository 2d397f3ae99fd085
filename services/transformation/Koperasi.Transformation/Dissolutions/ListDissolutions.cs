using Koperasi.ServiceDefaults.Http;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Transformation.Dissolutions;

/// <summary>List dissolution cases by stage, path and regency.</summary>
public static class ListDissolutions
{
    public sealed record Item(
        Guid Id, long Version, DissolutionPath Path, DissolutionStage Stage, DateOnly ProposedOn, Guid CooperativeId, string Name, string RegencyCode, bool Revived);

    public sealed record Page(IReadOnlyList<Item> Items, int PageNumber, int PageSize, long TotalCount);

    public const int MaxPageSize = 200;

    public static void Map(RouteGroupBuilder cases) =>
        cases.MapGet("", Handle)
            .WithName("ListDissolutions")
            .RequireAuthorization(TransformationPolicies.Read)
            .WithSummary("List dissolution cases")
            .WithDescription("Filters: stage (proposed, meeting-called, verified, announced, proposed-to-ministry, notice-issued, objected, decided, liquidating, settled, dissolved, rejected, withdrawn), path (members-meeting, government), regency (1571 or 15.71). Newest first; page from 1, pageSize up to 200.")
            .Produces<Page>()
            .ProducesValidationProblem();

    private static async Task<Results<Ok<Page>, ValidationProblem>> Handle(
        IQuerySession session, CancellationToken cancellationToken, string? stage = null, string? path = null, string? regency = null, int page = 1, int pageSize = 50)
    {
        var v = new RequestValidation();
        var stageValue = KebabEnum.Parse<DissolutionStage>(stage, "stage", v);
        var pathValue = KebabEnum.Parse<DissolutionPath>(path, "path", v);
        var regencyCode = v.Regency(regency, "regency", required: false);
        v.Page(page, pageSize, MaxPageSize);
        if (!v.IsValid)
        {
            return v.ToValidationProblem();
        }

        var query = session.Query<DissolutionCase>().AsQueryable();
        if (stageValue is { } s)
        {
            query = query.Where(c => c.Stage == s);
        }

        if (pathValue is { } p)
        {
            query = query.Where(c => c.Path == p);
        }

        if (regencyCode is not null)
        {
            query = query.Where(c => c.Cooperative.RegencyCode == regencyCode);
        }

        var totalCount = await query.LongCountAsync(cancellationToken);
        var found = await query.OrderByDescending(c => c.ProposedOn).ThenByDescending(c => c.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var items = found.Select(c => new Item(
            c.Id, c.Version, c.Path, c.Stage, c.ProposedOn, c.CooperativeId, c.Cooperative.Name, c.RegencyCode, c.IsRevived)).ToList();
        return TypedResults.Ok(new Page(items, page, pageSize, totalCount));
    }
}
