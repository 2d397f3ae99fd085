using Koperasi.ServiceDefaults.Http;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Registry.Imports;

/// <summary>An import's progress and, once processed, its report.</summary>
public static class GetImport
{
    public static void Map(RouteGroupBuilder imports) =>
        imports.MapGet("/{id:guid}", Handle)
            .WithName("GetImport")
            .RequireAuthorization(RegistryPolicies.ReadImports)
            .WithSummary("Progress and report of an import")
            .WithDescription("Status (queued, running, completed, failed), rows processed so far (updated after every batch), how many were imported, already registered or invalid, and the row errors (spreadsheet row, column, rule, reason).")
            .Produces<ImportJob>()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<ImportJob>, ProblemHttpResult>> Handle(Guid id, IQuerySession session, CancellationToken cancellationToken) =>
        await session.LoadAsync<ImportJob>(id, cancellationToken) is { } job
            ? TypedResults.Ok(job)
            : Problems.NotFound("import", id);
}
