using System.Threading.Channels;
using Koperasi.Registry.Activity;
using Marten;
using Microsoft.Extensions.Options;

namespace Koperasi.Registry.Imports;

/// <summary>Settings of the "Imports" configuration section.</summary>
public sealed class ImportOptions
{
    /// <summary>Rows registered per transaction; the job's progress is recorded after each.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>Whether this process runs imports (an API replica may only accept them).</summary>
    public bool Processing { get; set; } = true;
}

/// <summary>Jobs waiting for the processor, in the order they were accepted.</summary>
public sealed class ImportQueue
{
    private readonly Channel<Guid> _jobs = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(Guid jobId) => _jobs.Writer.TryWrite(jobId);

    public IAsyncEnumerable<Guid> ReadAllAsync(CancellationToken cancellationToken) => _jobs.Reader.ReadAllAsync(cancellationToken);
}

/// <summary>
/// Runs imports one at a time in the background. On start-up it resumes the jobs a restart
/// interrupted, from their last committed batch.
/// </summary>
public sealed partial class ImportProcessor(
    IDocumentStore store,
    ImportQueue queue,
    TimeProvider clock,
    IOptions<ActivityPolicy> policy,
    IOptions<ImportOptions> options,
    ILogger<ImportProcessor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await ResumeAsync(stoppingToken);
        await foreach (var jobId in queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                if (await RunImport.RunAsync(store, jobId, clock, policy.Value, options.Value.BatchSize, stoppingToken) is { Status: ImportStatus.Completed } job)
                {
                    LogCompleted(job.Id, job.FileName, job.Imported, job.AlreadyRegistered, job.Invalid);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(exception, jobId);
                await MarkFailedAsync(jobId, stoppingToken);
            }
        }
    }

    private async Task ResumeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var session = store.QuerySession();
            var unfinished = await session.Query<ImportJob>()
                .Where(j => j.Status == ImportStatus.Queued || j.Status == ImportStatus.Running)
                .OrderBy(j => j.SubmittedAt)
                .Select(j => j.Id)
                .ToListAsync(cancellationToken);
            foreach (var id in unfinished)
            {
                queue.Enqueue(id);
            }

            if (unfinished.Count > 0)
            {
                LogResumed(unfinished.Count);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogResumeFailed(exception);
        }
    }

    private async Task MarkFailedAsync(Guid jobId, CancellationToken cancellationToken)
    {
        try
        {
            await using var session = store.QuerySession();
            if (await session.LoadAsync<ImportJob>(jobId, cancellationToken) is { IsFinished: false } job)
            {
                await RunImport.FinishAsync(store, job.Failed(clock.GetUtcNow(), "Processing stopped on an unexpected error; the rows counted as processed are stored. Upload the file again to import the rest."), cancellationToken);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Left unfinished: the next start-up resumes it.
            LogFailed(exception, jobId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Import {JobId} of {FileName} completed: {Imported} imported, {AlreadyRegistered} already registered, {Invalid} invalid")]
    private partial void LogCompleted(Guid jobId, string fileName, int imported, int alreadyRegistered, int invalid);

    [LoggerMessage(Level = LogLevel.Error, Message = "Import {JobId} failed")]
    private partial void LogFailed(Exception exception, Guid jobId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Resuming {Count} unfinished imports")]
    private partial void LogResumed(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unfinished imports could not be looked up at start-up; they resume at the next start")]
    private partial void LogResumeFailed(Exception exception);
}
