using System.Text.Json.Serialization;
using Marten;

namespace Koperasi.Registry.Imports;

/// <summary>Where an import stands.</summary>
public enum ImportStatus
{
    Queued,
    Running,
    Completed,
    Failed,
}

/// <summary>Why a row was not imported: its spreadsheet row (header = 1), the column and the broken rule, if any.</summary>
public sealed record ImportRowError(int Row, string? Column, string? Rule, string Reason);

/// <summary>
/// An import of a register from CSV and its progress, updated in the same transaction as each
/// batch of registrations, so the counts always match what is stored.
/// </summary>
public sealed record ImportJob
{
    /// <summary>Row errors kept on the job; <see cref="ErrorCount"/> counts them all.</summary>
    public const int MaxReportedErrors = 500;

    /// <summary>Event header naming the import that registered a koperasi.</summary>
    public const string EventHeader = "import-job";

    public Guid Id { get; init; }
    public required string FileName { get; init; }
    public required string SubmittedBy { get; init; }
    public string? SubmittedByRole { get; init; }

    /// <summary>
    /// The regencies the uploader may register koperasi in (a pembina's); null when it may
    /// register anywhere. Rows of other regencies are refused.
    /// </summary>
    public IReadOnlyList<string>? Regencies { get; init; }
    public DateTimeOffset SubmittedAt { get; init; }
    public ImportStatus Status { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Data rows in the file (blank rows not counted).</summary>
    public int TotalRows { get; init; }
    public int ProcessedRows { get; init; }
    public int Imported { get; init; }

    /// <summary>Rows whose decree number was registered before: nothing changed for them.</summary>
    public int AlreadyRegistered { get; init; }
    public int Invalid { get; init; }
    public int ErrorCount { get; init; }
    public IReadOnlyList<ImportRowError> Errors { get; init; } = [];
    public string? FailureReason { get; init; }

    public static ImportJob Queued(Guid id, string fileName, string submittedBy, string? role, IReadOnlyList<string>? regencies, DateTimeOffset now, int totalRows) => new()
    {
        Id = id,
        FileName = fileName,
        SubmittedBy = submittedBy,
        SubmittedByRole = role,
        Regencies = regencies,
        SubmittedAt = now,
        Status = ImportStatus.Queued,
        TotalRows = totalRows,
    };

    [JsonIgnore]
    public bool IsFinished => Status is ImportStatus.Completed or ImportStatus.Failed;

    public ImportJob Started(DateTimeOffset now) => this with { Status = ImportStatus.Running, StartedAt = StartedAt ?? now };

    /// <summary>The job after <paramref name="rows"/> more rows, with what became of them.</summary>
    public ImportJob Advance(int rows, ImportTally tally) => this with
    {
        ProcessedRows = ProcessedRows + rows,
        Imported = Imported + tally.Imported,
        AlreadyRegistered = AlreadyRegistered + tally.AlreadyRegistered,
        Invalid = Invalid + tally.Invalid,
        ErrorCount = ErrorCount + tally.Errors.Count,
        Errors = [.. Errors, .. tally.Errors.Take(MaxReportedErrors - Errors.Count)],
    };

    public ImportJob Completed(DateTimeOffset now) => this with { Status = ImportStatus.Completed, FinishedAt = now };

    public ImportJob Failed(DateTimeOffset now, string reason) => this with { Status = ImportStatus.Failed, FinishedAt = now, FailureReason = reason };

    /// <summary>Registers the import documents with the Registry's store.</summary>
    public static void ConfigureStorage(StoreOptions options)
    {
        options.Schema.For<ImportJob>()
            .DocumentAlias("import_job")
            .Index(j => j.SubmittedAt)
            .Index(j => j.Status);
        options.Schema.For<ImportFile>().DocumentAlias("import_file");
    }
}

/// <summary>
/// The uploaded text, kept until its job finishes so an import interrupted by a restart resumes.
/// </summary>
public sealed record ImportFile(Guid Id, string Content);

/// <summary>What became of the rows of one batch.</summary>
public sealed class ImportTally
{
    public int Imported { get; set; }
    public int AlreadyRegistered { get; set; }
    public int Invalid { get; private set; }
    public List<ImportRowError> Errors { get; } = [];

    public void Reject(IEnumerable<ImportRowError> errors)
    {
        Invalid++;
        Errors.AddRange(errors);
    }
}
