using Koperasi.ServiceDefaults.Http;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Transformation.Cases;

/// <summary>List cases by state, kind, regency and year of proposal.</summary>
public static class ListCases
{
    public sealed record Item(
        Guid Id, long Version, CaseKind Kind, CaseState State, DateOnly ProposedOn, IReadOnlyList<ParticipantItem> Participants,
        IReadOnlyList<string> RegencyCodes, string? NewCooperativeName, DateOnly? EffectiveOn, string? RejectionRule);

    public sealed record ParticipantItem(Guid CooperativeId, string Name, ParticipantRole Role);

    public sealed record Page(IReadOnlyList<Item> Items, int PageNumber, int PageSize, long TotalCount);

    public const int MaxPageSize = 200;

    public static void Map(RouteGroupBuilder cases) =>
        cases.MapGet("", Handle)
            .WithName("ListCases")
            .RequireAuthorization(TransformationPolicies.Read)
            .WithSummary("List cases")
            .WithDescription("Filters: state (proposed, awaiting-deed, awaiting-ratification, approved, completed, rejected, withdrawn), kind (merger, amalgamation, articles-amendment), regency (1571 or 15.71: any regency the case touches), year (of the proposal). Newest first; page from 1, pageSize up to 200.")
            .Produces<Page>()
            .ProducesValidationProblem();

    private static async Task<Results<Ok<Page>, ValidationProblem>> Handle(
        IQuerySession session,
        CancellationToken cancellationToken,
        string? state = null,
        string? kind = null,
        string? regency = null,
        int? year = null,
        int page = 1,
        int pageSize = 50)
    {
        var v = new RequestValidation();
        var stateValue = KebabEnum.Parse<CaseState>(state, "state", v);
        var kindValue = KebabEnum.Parse<CaseKind>(kind, "kind", v);
        var regencyCode = v.Regency(regency, "regency", required: false);
        v.Year(year, "year", FieldRules.EarliestCooperativeDate.Year, 9999);
        v.Page(page, pageSize, MaxPageSize);
        if (!v.IsValid)
        {
            return v.ToValidationProblem();
        }

        var query = session.Query<TransformationCase>().AsQueryable();
        if (stateValue is { } s)
        {
            query = query.Where(c => c.State == s);
        }

        if (kindValue is { } k)
        {
            query = query.Where(c => c.Kind == k);
        }

        if (regencyCode is not null)
        {
            query = query.Where(c => c.RegencyCodes.Contains(regencyCode));
        }

        if (year is { } y)
        {
            query = query.Where(c => c.ProposedYear == y);
        }

        var totalCount = await query.LongCountAsync(cancellationToken);
        var found = await query.OrderByDescending(c => c.ProposedOn).ThenByDescending(c => c.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var items = found.Select(c => new Item(
            c.Id, c.Version, c.Kind, c.State, c.ProposedOn, [.. c.Participants.Select(p => new ParticipantItem(p.CooperativeId, p.Name, p.Role))],
            c.RegencyCodes, c.NewCooperative?.Name, c.EffectiveOn, c.Rejection?.Rule)).ToList();
        return TypedResults.Ok(new Page(items, page, pageSize, totalCount));
    }
}
