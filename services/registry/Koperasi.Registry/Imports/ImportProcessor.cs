using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Koperasi.Registry.Activity;
using Koperasi.ServiceDefaults.Persistence;
using Marten;
using Microsoft.Extensions.Options;

namespace Koperasi.Registry.Imports;

/// <summary>Settings of the "Imports" configuration section.</summary>
public sealed class ImportOptions
{
    /// <summary>Rows registered per transaction; the job's progress is recorded after each.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>
    /// Whether this process takes part in the election of the replica that runs imports (one at a
    /// time per database, elected like Marten's async daemon). An opt-out: false leaves the jobs
    /// this process accepts to the elected replica.
    /// </summary>
    public bool Processing { get; set; } = true;

    /// <summary>How often the processor looks for jobs queued by another process.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>Jobs waiting for the processor, in the order they were accepted, each once.</summary>
public sealed class ImportQueue
{
    private readonly Channel<Guid> _jobs = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<Guid, byte> _waiting = new();

    public void Enqueue(Guid jobId)
    {
        if (_waiting.TryAdd(jobId, 0))
        {
            _jobs.Writer.TryWrite(jobId);
        }
    }

    public async IAsyncEnumerable<Guid> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var jobId in _jobs.Reader.ReadAllAsync(cancellationToken))
        {
            _waiting.TryRemove(jobId, out _);
            yield return jobId;
        }
    }
}

/// <summary>
/// Runs imports one at a time in the background, on the replica elected for it (see
/// <see cref="LeaderElection"/>): those accepted by this process at once, those queued by another
/// process when it next looks. When elected it also resumes the jobs a restart or the previous
/// leader interrupted, from their last committed batch.
/// </summary>
public sealed partial class ImportProcessor(
    LeaderElection election,
    IDocumentStore store,
    ImportQueue queue,
    TimeProvider clock,
    IOptions<ActivityPolicy> policy,
    IOptions<ImportOptions> options,
    ILogger<ImportProcessor> logger) : BackgroundService
{
    /// <summary>The name of the elected work (its advisory lock).</summary>
    public const string ElectedWork = "imports";

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        election.RunWhileLeaderAsync(ElectedWork, leading => Task.WhenAll(LookForJobsAsync(leading), ProcessAsync(leading)), stoppingToken);

    private async Task LookForJobsAsync(CancellationToken stoppingToken)
    {
        // Running jobs are this processor's own once it is elected: only then are they interrupted ones.
        await EnqueueUnfinishedAsync([ImportStatus.Queued, ImportStatus.Running], stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
            await EnqueueUnfinishedAsync([ImportStatus.Queued], stoppingToken);
        }
    }

    private async Task ProcessAsync(CancellationToken stoppingToken)
    {
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

    private async Task EnqueueUnfinishedAsync(ImportStatus[] statuses, CancellationToken cancellationToken)
    {
        try
        {
            await using var session = store.QuerySession();
            var unfinished = await session.Query<ImportJob>()
                .Where(j => statuses.Contains(j.Status))
                .OrderBy(j => j.SubmittedAt)
                .Select(j => j.Id)
                .ToListAsync(cancellationToken);
            foreach (var id in unfinished)
            {
                queue.Enqueue(id);
            }

            if (unfinished.Count > 0)
            {
                LogFound(unfinished.Count);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogLookupFailed(exception);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Found {Count} unfinished imports to run")]
    private partial void LogFound(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unfinished imports could not be looked up; the processor looks again at its next interval")]
    private partial void LogLookupFailed(Exception exception);
}
