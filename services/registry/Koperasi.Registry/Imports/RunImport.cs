using JasperFx;
using Koperasi.Registry.Activity;
using Koperasi.Registry.Cooperatives;
using Koperasi.ServiceDefaults.Persistence;
using Koperasi.ServiceDefaults.Time;
using Koperasi.ServiceDefaults.Identity;
using Marten;

namespace Koperasi.Registry.Imports;

/// <summary>
/// Processes an import job: each row goes through the same validation and decision as a
/// registration over HTTP; a batch of registrations and the job's progress commit together.
/// A decree number already registered changes nothing, so running a file again (or resuming an
/// interrupted job from its last committed batch) is safe.
/// </summary>
public static class RunImport
{
    private static readonly string AlreadyRegisteredRule = Register.AlreadyRegistered("").Rule;

    /// <summary>Runs (or resumes) a job to its end; null when it is unknown or already finished (queued twice).</summary>
    public static async Task<ImportJob?> RunAsync(
        IDocumentStore store, Guid jobId, TimeProvider clock, ActivityPolicy policy, int batchSize, CancellationToken cancellationToken)
    {
        ImportJob? job;
        ImportFile? file;
        await using (var query = store.QuerySession())
        {
            job = await query.LoadAsync<ImportJob>(jobId, cancellationToken);
            file = await query.LoadAsync<ImportFile>(jobId, cancellationToken);
        }

        if (job is null || job.IsFinished)
        {
            return null;
        }

        if (file is null)
        {
            return await FinishAsync(store, job.Failed(clock.GetUtcNow(), "The uploaded file is no longer stored."), cancellationToken);
        }

        job = await SaveAsync(store, job.Started(clock.GetUtcNow()), cancellationToken);
        var batch = new List<RegisterCsv.ParsedRow>(batchSize);
        foreach (var row in Rows(file.Content, skip: job.ProcessedRows))
        {
            batch.Add(row);
            if (batch.Count == batchSize)
            {
                job = await CommitBatchAsync(store, job, batch, clock.Today(), policy, cancellationToken);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            job = await CommitBatchAsync(store, job, batch, clock.Today(), policy, cancellationToken);
        }

        return await FinishAsync(store, job.Completed(clock.GetUtcNow()), cancellationToken);
    }

    /// <summary>Records a job as finished and forgets its file.</summary>
    public static async Task<ImportJob> FinishAsync(IDocumentStore store, ImportJob job, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        session.Store(job);
        session.Delete<ImportFile>(job.Id);
        await session.SaveChangesAsync(cancellationToken);
        return job;
    }

    private static async Task<ImportJob> SaveAsync(IDocumentStore store, ImportJob job, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        session.Store(job);
        await session.SaveChangesAsync(cancellationToken);
        return job;
    }

    /// <summary>
    /// The rows still to process. A later row repeating an earlier row's decree number, NIB or NIK
    /// koperasi is a duplicate, also across a resume: the rows already processed are read again for
    /// their numbers.
    /// </summary>
    private static IEnumerable<RegisterCsv.ParsedRow> Rows(string content, int skip)
    {
        var firstRowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var index = 0;
        foreach (var csvRow in CsvFile.Rows(content))
        {
            var row = RegisterCsv.Parse(csvRow);
            if (row.DecreeNumber is { } number && !firstRowOf.TryAdd(DecreeNumberClaim.Normalize(number), row.Row))
            {
                var duplicate = new ImportRowError(row.Row, "decree_number", "decree-number-duplicated-in-file",
                    $"The decree number {number} is already in row {firstRowOf[DecreeNumberClaim.Normalize(number)]} of this file.");
                row = row with { Request = null, Errors = [.. row.Errors, duplicate] };
            }

            if (row.Request is { } request && RepeatedIdentifier(request, row.Row, firstRowOf) is { } repeated)
            {
                row = row with { Request = null, Errors = [.. row.Errors, repeated] };
            }

            if (index++ >= skip)
            {
                yield return row;
            }
        }
    }

    private static ImportRowError? RepeatedIdentifier(Cooperatives.Register.Request request, int row, Dictionary<string, int> firstRowOf)
    {
        var identifiers = new (string? Key, string Column, string Rule, string Name)[]
        {
            (request.Nib is { } nib ? IdentifierClaim.KeyOfNib(nib) : null, "nib", "nib-duplicated-in-file", $"The NIB {request.Nib}"),
            (request.NikKoperasi is { } nik ? IdentifierClaim.KeyOfNikKoperasi(nik.Number) : null, "nik_koperasi", "nik-koperasi-duplicated-in-file", $"The NIK koperasi {request.NikKoperasi?.Number}"),
        };
        foreach (var (key, column, rule, name) in identifiers)
        {
            if (key is not null && !firstRowOf.TryAdd(key, row))
            {
                return new ImportRowError(row, column, rule, $"{name} is already in row {firstRowOf[key]} of this file.");
            }
        }

        return null;
    }

    private static async Task<ImportJob> CommitBatchAsync(
        IDocumentStore store, ImportJob job, IReadOnlyList<RegisterCsv.ParsedRow> rows, DateOnly today, ActivityPolicy policy, CancellationToken cancellationToken)
    {
        try
        {
            return await CommitAsync(store, job, rows, today, policy, cancellationToken);
        }
        catch (DocumentAlreadyExistsException)
        {
            // A decree number, NIB or NIK koperasi of this batch was claimed since it was checked
            // (over HTTP, by another import, or by an earlier row of the batch): row by row, a row
            // whose decree number is taken counts as already registered, one whose NIB or NIK
            // koperasi is taken is refused with the rule.
            foreach (var row in rows)
            {
                try
                {
                    job = await CommitAsync(store, job, [row], today, policy, cancellationToken);
                }
                catch (DocumentAlreadyExistsException taken) when (taken.DocType == typeof(IdentifierClaim))
                {
                    var refused = new ImportTally();
                    refused.Reject([RegisterCsv.ToRowError(row.Row, IdentifierClaim.Conflict(taken.Id))]);
                    job = await SaveAsync(store, job.Advance(1, refused), cancellationToken);
                }
                catch (DocumentAlreadyExistsException)
                {
                    job = await SaveAsync(store, job.Advance(1, new ImportTally { AlreadyRegistered = 1 }), cancellationToken);
                }
            }

            return job;
        }
    }

    private static async Task<ImportJob> CommitAsync(
        IDocumentStore store, ImportJob job, IReadOnlyList<RegisterCsv.ParsedRow> rows, DateOnly today, ActivityPolicy policy, CancellationToken cancellationToken)
    {
        await using var session = store.OpenSessionAs(job.SubmittedBy, job.SubmittedByRole);
        session.SetHeader(ImportJob.EventHeader, job.Id.ToString());
        var tally = new ImportTally();
        foreach (var row in rows)
        {
            await RegisterRowAsync(session, job, row, tally, today, policy, cancellationToken);
        }

        var next = job.Advance(rows.Count, tally);
        session.Store(next);
        await session.SaveChangesAsync(cancellationToken);
        return next;
    }

    private static async Task RegisterRowAsync(
        IDocumentSession session, ImportJob job, RegisterCsv.ParsedRow row, ImportTally tally, DateOnly today, ActivityPolicy policy, CancellationToken cancellationToken)
    {
        if (row.Request is not { } request)
        {
            tally.Reject(row.Errors);
            return;
        }

        var regency = request.Address.ToAddress().RegencyCode;
        if (job.Regencies is { } scope && !scope.Contains(regency))
        {
            tally.Reject([new ImportRowError(row.Row, "regency_code", OutsideRegency.Rule, $"The uploader may register koperasi only in {string.Join(", ", scope)}; this row is in {regency}.")]);
            return;
        }

        var outcome = await Register.DecideInSessionAsync(session, Register.ToCommand(request, Guid.CreateVersion7()), today, policy, cancellationToken);
        if (outcome.Error is null)
        {
            tally.Imported++;
        }
        else if (outcome.Error.Rule == AlreadyRegisteredRule)
        {
            tally.AlreadyRegistered++;
        }
        else
        {
            tally.Reject([RegisterCsv.ToRowError(row.Row, outcome.Error)]);
        }
    }
}
