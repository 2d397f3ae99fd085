using System.Collections.Concurrent;
using Koperasi.Registry.Activity;
using Koperasi.Registry.Cooperatives;
using Koperasi.Registry.Imports;
using Koperasi.Testing;
using Marten;
using Marten.Services;
using Microsoft.AspNetCore.Hosting;

namespace Koperasi.Registry.Tests.Imports;

/// <summary>A Registry host of its own whose store has extra session listeners: a window into the processor's commits.</summary>
public sealed class ListeningRegistryHost(string name, params IDocumentSessionListener[] listeners) : ServiceHost<Program>("registry", name)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.ConfigureMarten(options => options.Listeners.AddRange(listeners)));
    }
}

/// <summary>
/// Records every committed state of one file's job, and holds the processor right after the
/// first batch that leaves rows still to do, until the test releases it (or the host stops).
/// </summary>
public sealed class ImportGate(string fileName) : DocumentSessionListenerBase
{
    private readonly TaskCompletionSource<ImportJob> _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<ImportJob> _committed = new();

    /// <summary>The job as committed after the first batch of several.</summary>
    public Task<ImportJob> Reached => _reached.Task;

    public IReadOnlyList<ImportJob> Committed => [.. _committed];

    public void Release() => _released.TrySetResult();

    public override async Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        foreach (var job in commit.Updated.Concat(commit.Inserted).OfType<ImportJob>().Where(j => j.FileName == fileName))
        {
            _committed.Enqueue(job);
            if (job is { Status: ImportStatus.Running, ProcessedRows: > 0 } && job.ProcessedRows < job.TotalRows && _reached.TrySetResult(job))
            {
                await _released.Task.WaitAsync(token);
            }
        }
    }
}

/// <summary>
/// Registers a koperasi over the head of the processor just before its first batch of one file
/// commits, as a registration over HTTP at that moment would: the batch then meets the decree
/// number already claimed.
/// </summary>
public sealed class ConcurrentRegistration(string fileName, Register.Request registration, DateOnly today) : DocumentSessionListenerBase
{
    private int _done;

    public override async Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        var batch = session.PendingChanges.AllChangedFor<ImportJob>().Any(j => j.FileName == fileName && j.ProcessedRows > 0);
        if (!batch || Interlocked.Exchange(ref _done, 1) == 1)
        {
            return;
        }

        await using var other = session.DocumentStore.LightweightSession();
        var outcome = await Register.DecideInSessionAsync(other, Register.ToCommand(registration, Guid.CreateVersion7()), today, new ActivityPolicy(), token);
        outcome.Error.ShouldBeNull();
        await other.SaveChangesAsync(token);
    }
}
