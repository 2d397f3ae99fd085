using Koperasi.ServiceDefaults.Http;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Registry.Imports;

/// <summary>The most recent imports, newest first, without their row errors.</summary>
public static class ListImports
{
    public sealed record Item(
        Guid Id, string FileName, string SubmittedBy, DateTimeOffset SubmittedAt, ImportStatus Status, DateTimeOffset? FinishedAt,
        int TotalRows, int ProcessedRows, int Imported, int AlreadyRegistered, int Invalid, int ErrorCount);

    public const int MaxLimit = 100;

    public static void Map(RouteGroupBuilder imports) =>
        imports.MapGet("", Handle)
            .WithName("ListImports")
            .RequireAuthorization(RegistryPolicies.ReadImports)
            .WithSummary("Recent imports")
            .WithDescription("Newest first; limit from 1 to 100 (default 20); status filters (queued, running, completed, failed).")
            .Produces<IReadOnlyList<Item>>()
            .ProducesValidationProblem();

    private static async Task<Results<Ok<IReadOnlyList<Item>>, ValidationProblem>> Handle(
        IQuerySession session, CancellationToken cancellationToken, string? status = null, int limit = 20)
    {
        var v = new RequestValidation();
        var statusValue = KebabEnum.Parse<ImportStatus>(status, "status", v);
        v.Count(limit, "limit", 1, MaxLimit);
        if (!v.IsValid)
        {
            return v.ToValidationProblem();
        }

        var query = session.Query<ImportJob>().AsQueryable();
        if (statusValue is { } s)
        {
            query = query.Where(j => j.Status == s);
        }

        var jobs = await query.OrderByDescending(j => j.SubmittedAt).ThenByDescending(j => j.Id).Take(limit).ToListAsync(cancellationToken);
        IReadOnlyList<Item> items =
        [
            .. jobs.Select(j => new Item(
                j.Id, j.FileName, j.SubmittedBy, j.SubmittedAt, j.Status, j.FinishedAt,
                j.TotalRows, j.ProcessedRows, j.Imported, j.AlreadyRegistered, j.Invalid, j.ErrorCount)),
        ];
        return TypedResults.Ok(items);
    }
}
