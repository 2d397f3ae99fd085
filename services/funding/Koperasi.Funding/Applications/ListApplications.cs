using System.Security.Claims;
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
            .WithDescription("Filters: programmeId, year, regency (1571 or 15.71), status, category. Newest first; page from 1, pageSize up to 200. A pendamping sees only its regencies.")
            .Produces<Page>()
            .ProducesValidationProblem();

    private static async Task<Results<Ok<Page>, ValidationProblem>> Handle(
        ClaimsPrincipal user,
        IQuerySession session,
        CancellationToken cancellationToken,
        Guid? programmeId = null,
        int? year = null,
        string? regency = null,
        string? status = null,
        string? category = null,
        int page = 1,
        int pageSize = 50)
    {
        var v = new RequestValidation();
        var filter = ApplicationFilter.Read(v, programmeId, year, regency, status, category);
        v.Page(page, pageSize, MaxPageSize);
        if (filter is null || !v.IsValid)
        {
            return v.ToValidationProblem();
        }

        var query = filter.Apply(session.Query<Application>(), user);
        var totalCount = await query.LongCountAsync(cancellationToken);
        var results = await query.OrderByDescending(a => a.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var items = await ApplicationViews.ShowAsync(session, user, results, cancellationToken);
        return TypedResults.Ok(new Page(items, page, pageSize, totalCount));
    }
}
