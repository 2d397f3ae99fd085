namespace Koperasi.Console.Gateway;

// The Registry's import answers (GET /api/registry/imports, GET /api/registry/imports/{id}), as the
// Impor pages show them. Status stays a string: queued, running, completed, failed.

public sealed record ImportItem(
    Guid Id, string FileName, string SubmittedBy, DateTimeOffset SubmittedAt, string Status, DateTimeOffset? FinishedAt,
    int TotalRows, int ProcessedRows, int Imported, int AlreadyRegistered, int Invalid, int ErrorCount);

public sealed record ImportRowError(int Row, string? Column, string? Rule, string Reason);

public sealed record ImportJob(
    Guid Id, string FileName, string SubmittedBy, DateTimeOffset SubmittedAt, string Status, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt,
    int TotalRows, int ProcessedRows, int Imported, int AlreadyRegistered, int Invalid, int ErrorCount, IReadOnlyList<ImportRowError>? Errors,
    string? FailureReason)
{
    /// <summary>Still moving: the page refreshes itself until it is not.</summary>
    public bool Running => Status is "queued" or "running";
}
