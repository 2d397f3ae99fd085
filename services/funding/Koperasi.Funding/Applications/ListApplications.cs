using System.Security.Claims;
using Koperasi.Funding.Applicants;
using Koperasi.Funding.Regions;
using Koperasi.ServiceDefaults.Http;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Funding.Applications;

/// <summary>List applications with filters and paging; a pendamping sees those of its regencies.</summary>
public static class ListApplications
{
    public sealed record Page(IReadOnlyList<ApplicationResponse> Items, int PageNumber, int PageSize, long TotalCount);

    public const int MaxPageSize = 200;

    public static void Map(RouteGroupBuilder applications) =>
        applications.MapGet("", Handle)
            .WithName("ListApplications")
            .RequireAuthorization(FundingPolicies.ReadApplications)
            .WithSummary("List applications")
            .WithDescription("Filters: programmeId, regency (1571 or 15.71), status, category. Newest first; page from 1, pageSize up to 200. A pendamping sees only its regencies.")
            .Produces<Page>()
            .ProducesValidationProblem();

    private static async Task<Results<Ok<Page>, ValidationProblem>> Handle(
        ClaimsPrincipal user,
        IQuerySession session,
        CancellationToken cancellationToken,
        Guid? programmeId = null,
        string? regency = null,
        string? status = null,
        string? category = null,
        int page = 1,
        int pageSize = 50)
    {
        var v = new RequestValidation();
        var regencyCode = "";
        v.Check(regency is null || Regencies.TryNormalize(regency, out regencyCode), "regency", $"Unknown regency '{regency}'.");
        var statusValue = KebabEnum.Parse<ApplicationStatus>(status, "status", v);
        v.Check(category is null || Validation.IsCode(category), "category", "A category code such as mak-mak.");
        v.Check(page >= 1, "page", "Pages count from 1.");
        v.Check(pageSize is >= 1 and <= MaxPageSize, "pageSize", $"Between 1 and {MaxPageSize}.");
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var query = session.Query<Application>().AsQueryable();
        if (user.LimitOf() is { } limit)
        {
            var reachable = limit.ToArray();
            query = query.Where(a => reachable.Contains(a.RegencyCode));
        }

        if (programmeId is { } programme)
        {
            query = query.Where(a => a.ProgrammeId == programme);
        }

        if (regency is not null)
        {
            query = query.Where(a => a.RegencyCode == regencyCode);
        }

        if (statusValue is { } s)
        {
            query = query.Where(a => a.Status == s);
        }

        if (category is not null)
        {
            query = query.Where(a => a.Category == category);
        }

        var totalCount = await query.LongCountAsync(cancellationToken);
        var results = await query.OrderByDescending(a => a.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var cards = (await session.LoadManyAsync<ApplicantCard>(cancellationToken, [.. results.Select(a => a.ApplicantId).Distinct()])).ToDictionary(c => c.Id);
        var items = results.Select(a => ApplicationResponse.From(a, cards.GetValueOrDefault(a.ApplicantId))).ToList();
        return TypedResults.Ok(new Page(items, page, pageSize, totalCount));
    }
}
