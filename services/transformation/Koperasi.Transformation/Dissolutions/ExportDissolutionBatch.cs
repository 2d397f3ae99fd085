using Koperasi.ServiceDefaults.Http;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Transformation.Dissolutions;

/// <summary>A batch as a CSV file for Excel, for a ministry that works by letter; its last columns are the ministry's answers to fill in.</summary>
public static class ExportDissolutionBatch
{
    public static void Map(RouteGroupBuilder batches) =>
        batches.MapGet("/{id:guid}/export", Handle)
            .WithName("ExportDissolutionBatch")
            .RequireAuthorization(TransformationPolicies.Read)
            .WithSummary("Export a batch as CSV")
            .WithDescription("UTF-8 with a byte-order mark, one row per proposal: the case, the koperasi, its regency, grounds, village letter and announcement, then answer, decree_number, decree_date, reason and documents to fill in and import back.")
            .Produces<byte[]>(StatusCodes.Status200OK, "text/csv")
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Handle(Guid id, IQuerySession session, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<DissolutionBatch>(id, cancellationToken) is not { } batch)
        {
            return Problems.NotFound("dissolution batch", id);
        }

        var cases = (await session.LoadManyAsync<DissolutionCase>(cancellationToken, batch.Proposals.Select(p => p.CaseId).ToArray())).ToDictionary(c => c.Id);
        return TypedResults.File(BatchCsv.Export(batch, cases), "text/csv; charset=utf-8", $"dissolution-batch-{batch.Id:N}.csv");
    }
}
