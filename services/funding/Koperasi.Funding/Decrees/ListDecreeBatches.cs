using Koperasi.Funding.Programmes;
using Koperasi.ServiceDefaults.Http;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Funding.Decrees;

/// <summary>The decree batches of one programme, newest first, a page at a time.</summary>
public static class ListDecreeBatches
{
    public sealed record Item(Guid BatchId, string DecreeNumber, DateOnly DecreeDate, int Recipients, decimal Amount);

    public sealed record Page(IReadOnlyList<Item> Items, int PageNumber, int PageSize, long TotalCount);

    public const int MaxPageSize = 200;

    public static void Map(RouteGroupBuilder programmes) =>
        programmes.MapGet("/{id:guid}/decree-batches", Handle)
            .WithName("ListDecreeBatches")
            .RequireAuthorization(FundingPolicies.ReadProgrammes)
            .WithSummary("List a programme's decree batches")
            .WithDescription("Each decree batch of the programme: its number, date, recipients and amount. Newest decree date first (batches of one date in the order they were issued, the last first); page from 1, pageSize up to 200.")
            .Produces<Page>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<Page>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, IQuerySession session, CancellationToken cancellationToken, int page = 1, int pageSize = 50)
    {
        var v = new RequestValidation().Page(page, pageSize, MaxPageSize);
        if (!v.IsValid)
        {
            return v.ToValidationProblem();
        }

        var query = session.Query<DecreeBatch>().Where(b => b.ProgrammeId == id);
        var totalCount = await query.LongCountAsync(cancellationToken);
        if (totalCount == 0 && await session.LoadAsync<Programme>(id, cancellationToken) is null)
        {
            return Problems.NotFound("programme", id);
        }

        var found = await query.OrderByDescending(b => b.DecreeDate).ThenByDescending(b => b.Version)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page(
            [.. found.Select(b => new Item(b.Id, b.DecreeNumber, b.DecreeDate, b.Recipients, b.Amount))], page, pageSize, totalCount));
    }
}
