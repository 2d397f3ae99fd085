using Koperasi.ServiceDefaults.Http;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Transformation.Dissolutions;

/// <summary>List the ministry batches with their counts, by status and regency.</summary>
public static class ListDissolutionBatches
{
    public sealed record Item(
        Guid Id, long Version, string Title, DissolutionBatchStatus Status, DateOnly OpenedOn, DateOnly? SentOn, DateOnly? AnsweredOn,
        int Proposed, int Answered, int Approved, int Mismatches);

    public sealed record Page(IReadOnlyList<Item> Items, int PageNumber, int PageSize, long TotalCount);

    public const int MaxPageSize = 200;

    public static void Map(RouteGroupBuilder batches) =>
        batches.MapGet("", Handle)
            .WithName("ListDissolutionBatches")
            .RequireAuthorization(TransformationPolicies.Read)
            .WithSummary("List dissolution batches")
            .WithDescription("Filters: status (open: gathering proposals, sent: waiting for the ministry, answered: at least one answer), regency (1571 or 15.71: a batch with a proposal of it). Each with its counts of proposals, answers, approvals and mismatched answers. Newest first; page from 1, pageSize up to 200.")
            .Produces<Page>()
            .ProducesValidationProblem();

    private static async Task<Results<Ok<Page>, ValidationProblem>> Handle(
        IQuerySession session, CancellationToken cancellationToken, string? status = null, string? regency = null, int page = 1, int pageSize = 50)
    {
        var v = new RequestValidation();
        var statusValue = KebabEnum.Parse<DissolutionBatchStatus>(status, "status", v);
        var regencyCode = v.Regency(regency, "regency", required: false);
        v.Page(page, pageSize, MaxPageSize);
        if (!v.IsValid)
        {
            return v.ToValidationProblem();
        }

        var query = session.Query<DissolutionBatch>().AsQueryable();
        // The batch's Status() in the database's terms.
        query = statusValue switch
        {
            DissolutionBatchStatus.Open => query.Where(b => b.SentOn == null),
            DissolutionBatchStatus.Sent => query.Where(b => b.SentOn != null && b.AnsweredOn == null),
            DissolutionBatchStatus.Answered => query.Where(b => b.AnsweredOn != null),
            _ => query,
        };
        if (regencyCode is not null)
        {
            query = query.Where(b => b.Proposals.Any(p => p.RegencyCode == regencyCode));
        }

        var totalCount = await query.LongCountAsync(cancellationToken);
        var found = await query.OrderByDescending(b => b.OpenedOn).ThenByDescending(b => b.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var items = found.Select(b => new Item(
            b.Id, b.Version, b.Title, b.Status(), b.OpenedOn, b.SentOn, b.AnsweredOn, b.Proposals.Count, b.Answers.Count,
            b.Answers.Values.Count(a => a.Kind == MinistryAnswerKind.Approved), b.Mismatches.Count)).ToList();
        return TypedResults.Ok(new Page(items, page, pageSize, totalCount));
    }
}
