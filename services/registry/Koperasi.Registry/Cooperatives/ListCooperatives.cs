using Koperasi.ServiceDefaults.Regions;
using Koperasi.ServiceDefaults.Http;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Registry.Cooperatives;

/// <summary>List koperasi with filters and paging.</summary>
public static class ListCooperatives
{
    public sealed record Item(
        Guid Id, string Name, CooperativeForm Form, CooperativeType Type, SupervisionLevel SupervisionLevel,
        string RegencyCode, string RegencyName, string Kecamatan, string DecreeNumber, ActivityStatus Activity,
        int? LastRatYear, string? NikKoperasi, int MemberCount, LegalStatus LegalStatus);

    public sealed record Page(IReadOnlyList<Item> Items, int PageNumber, int PageSize, long TotalCount);

    public const int MaxPageSize = 200;

    public static void Map(RouteGroupBuilder cooperatives) =>
        cooperatives.MapGet("", Handle)
            .WithName("ListCooperatives")
            .RequireAuthorization(RegistryPolicies.Read)
            .WithSummary("List koperasi")
            .WithDescription("Filters: regency (1571 or 15.71), type, form, activity, supervisionLevel, legalStatus (existing or dissolved; both by default), q (part of the name), hasNikKoperasi. Sorted by name; page from 1, pageSize up to 200.")
            .Produces<Page>()
            .ProducesValidationProblem();

    private static async Task<Results<Ok<Page>, ValidationProblem>> Handle(
        IQuerySession session,
        CancellationToken cancellationToken,
        string? regency = null,
        string? type = null,
        string? form = null,
        string? activity = null,
        string? supervisionLevel = null,
        string? legalStatus = null,
        string? q = null,
        bool? hasNikKoperasi = null,
        int page = 1,
        int pageSize = 50)
    {
        var v = new RequestValidation();
        var query = Filter(session, v, regency, type, form, activity, supervisionLevel, legalStatus, q, hasNikKoperasi);
        v.Page(page, pageSize, MaxPageSize);
        if (query is null || !v.IsValid)
        {
            return v.ToValidationProblem();
        }

        // Two queries, not Marten's paged list: its count(*) over () makes PostgreSQL read every
        // match in name order before the first row, which took ~0.5 s for one regency's tidak
        // aktif of a 130,000 register (docs/benchmarks). A registration committed between the
        // two may leave the total one off the page, as a list may be.
        var totalCount = await query.LongCountAsync(cancellationToken);
        var results = await query.OrderBy(c => c.Name).ThenBy(c => c.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var items = results.Select(c => new Item(
            c.Id, c.Name, c.Form, c.Type, c.SupervisionLevel, c.Address.RegencyCode, Regencies.Get(c.Address.RegencyCode).DisplayName,
            c.Address.Kecamatan, c.LegalEntity.DecreeNumber, c.Activity, c.LastRat?.FinancialYear, c.NikKoperasi?.Number, c.MemberCount, c.LegalStatus)).ToList();
        return TypedResults.Ok(new Page(items, page, pageSize, totalCount));
    }

    /// <summary>The koperasi the list's filters select (shared by the list and the CSV export); null when a filter is invalid (recorded in <paramref name="v"/>).</summary>
    public static IQueryable<Cooperative>? Filter(
        IQuerySession session,
        RequestValidation v,
        string? regency,
        string? type,
        string? form,
        string? activity,
        string? supervisionLevel,
        string? legalStatus,
        string? q,
        bool? hasNikKoperasi)
    {
        var regencyCode = v.Regency(regency, "regency", required: false);
        var typeValue = KebabEnum.Parse<CooperativeType>(type, "type", v);
        var formValue = KebabEnum.Parse<CooperativeForm>(form, "form", v);
        var activityValue = KebabEnum.Parse<ActivityStatus>(activity, "activity", v);
        var levelValue = KebabEnum.Parse<SupervisionLevel>(supervisionLevel, "supervisionLevel", v);
        var legalStatusValue = KebabEnum.Parse<LegalStatus>(legalStatus, "legalStatus", v);
        v.Check(q is null || q.Length <= 100, "q", "At most 100 characters.");
        if (!v.IsValid)
        {
            return null;
        }

        var query = session.Query<Cooperative>().AsQueryable();
        if (regencyCode is not null)
        {
            query = query.Where(c => c.Address.RegencyCode == regencyCode);
        }

        if (typeValue is { } t)
        {
            query = query.Where(c => c.Type == t);
        }

        if (formValue is { } f)
        {
            query = query.Where(c => c.Form == f);
        }

        if (activityValue is { } a)
        {
            query = query.Where(c => c.Activity == a);
        }

        if (levelValue is { } l)
        {
            query = query.Where(c => c.SupervisionLevel == l);
        }

        // On the dissolution and the open dissolution case, not the derived status: a snapshot stored
        // before legal status existed has no status field, but neither has it either of those.
        if (legalStatusValue is { } status)
        {
            query = status switch
            {
                LegalStatus.Dissolved => query.Where(c => c.Dissolution != null),
                LegalStatus.InLiquidation => query.Where(c => c.Dissolution == null && c.DissolutionCase != null && c.DissolutionCase.DecidedOn != null),
                LegalStatus.Dissolving => query.Where(c => c.Dissolution == null && c.DissolutionCase != null && c.DissolutionCase.DecidedOn == null),
                _ => query.Where(c => c.Dissolution == null && c.DissolutionCase == null),
            };
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            query = query.Where(c => c.Name.Contains(text, StringComparison.OrdinalIgnoreCase));
        }

        if (hasNikKoperasi is { } hasNik)
        {
            query = hasNik ? query.Where(c => c.NikKoperasi != null) : query.Where(c => c.NikKoperasi == null);
        }

        return query;
    }
}
