using System.Diagnostics;
using JasperFx;
using Koperasi.Funding.Programmes;
using Koperasi.ServiceDefaults.Persistence;
using Koperasi.ServiceDefaults.PersonalData;
using Marten;
using Microsoft.Extensions.Options;

namespace Koperasi.Funding.Demo;

/// <summary>The outcome of a demo load, and its progress while it runs.</summary>
public enum DemoDataStatus
{
    Loading,

    Loaded,

    /// <summary>The store already held programmes (or another load got there first): nothing was added.</summary>
    Skipped,
}

/// <summary>Where a demo load stands: the applications granted and refused so far, of the set's total.</summary>
public sealed record DemoDataState(DemoDataStatus Status, int Applications, int Rejected, int Total);

/// <summary>
/// Loads the demo data set into a Funding store without programmes, through the use cases' own
/// code (<see cref="DemoDataWriter"/>), one decree batch a transaction; the running service's
/// daemon then keeps the reports and relays the events as for any decree. A store that held
/// programmes before is left alone; a load cut short is resumed.
/// </summary>
public sealed partial class DemoDataLoader(
    IDocumentStore store,
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<ProgrammeDefaults> defaults,
    ILogger<DemoDataLoader> logger)
{
    public const string Actor = "system:demo-data";

    /// <summary>Loads the set (or resumes it), reporting after each batch; the final state says whether anything was added.</summary>
    public Task<DemoDataState> LoadAsync(IProgress<DemoDataState>? progress, CancellationToken cancellationToken) =>
        LoadAsync(null, progress, cancellationToken);

    /// <summary>Loads <paramref name="set"/> (a test's scaled-down set), or the full set when null, as the tool loads it.</summary>
    public async Task<DemoDataState> LoadAsync(DemoSet? set, IProgress<DemoDataState>? progress, CancellationToken cancellationToken)
    {
        try
        {
            return await LoadCoreAsync(set, progress, cancellationToken);
        }
        catch (ConcurrencyException)
        {
            // Another load committed the same batch first; it carries on.
            return Skip(0);
        }
    }

    private async Task<DemoDataState> LoadCoreAsync(DemoSet? given, IProgress<DemoDataState>? progress, CancellationToken cancellationToken)
    {
        DemoDataLoad? marker;
        bool holdsProgrammes;
        await using (var query = store.QuerySession())
        {
            marker = await query.LoadAsync<DemoDataLoad>(DemoDataLoad.Key, cancellationToken);
            holdsProgrammes = await query.Query<Programme>().AnyAsync(cancellationToken);
        }

        if (marker is { CompletedAt: not null } || (marker is null && holdsProgrammes))
        {
            return Skip(0);
        }

        var set = given ?? DemoSet.Generate();
        var started = Stopwatch.GetTimestamp();
        progress?.Report(new DemoDataState(DemoDataStatus.Loading, 0, 0, set.Applications));
        LogLoading(set.Applications, set.Batches.Count, marker is not null);
        var load = marker ?? new DemoDataLoad(DemoDataLoad.Key, clock.GetUtcNow(), null);
        if (marker is null && !await DemoDataWriter.OpenProgrammesAsync(store, set, load, defaults.Value, cancellationToken))
        {
            return Skip(set.Applications);
        }

        var programmes = await DemoDataWriter.ProgrammesAsync(store, set, cancellationToken);
        var (granted, rejected) = (0, 0);
        foreach (var batch in set.Batches)
        {
            await using var scope = scopes.CreateAsyncScope();
            var vault = scope.ServiceProvider.GetRequiredService<IPersonalDataVault>();
            var loaded = await DemoDataWriter.LoadBatchAsync(store, vault, batch, programmes[batch.Year], cancellationToken);
            foreach (var refusal in loaded.Refused)
            {
                LogRejected(batch.DecreeNumber, refusal.Rule, refusal.Detail);
            }

            granted += loaded.Granted;
            rejected += loaded.Refused.Count;
            progress?.Report(new DemoDataState(DemoDataStatus.Loading, granted, rejected, set.Applications));
        }

        await using (var session = store.OpenSessionAs(Actor))
        {
            session.Store(load with { CompletedAt = clock.GetUtcNow() });
            await session.SaveChangesAsync(cancellationToken);
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        LogLoaded(granted, rejected, elapsed);
        return new DemoDataState(DemoDataStatus.Loaded, granted, rejected, set.Applications);
    }

    private DemoDataState Skip(int total)
    {
        LogSkipped();
        return new DemoDataState(DemoDataStatus.Skipped, 0, 0, total);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loading the Dumisake demo data set: {Total} applications in {Batches} decree batches (resuming: {Resuming})")]
    private partial void LogLoading(int total, int batches, bool resuming);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dumisake demo data set loaded: {Granted} applications granted, {Rejected} refused, in {Elapsed}")]
    private partial void LogLoaded(int granted, int rejected, TimeSpan elapsed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Funding already holds programmes: the demo data set is not loaded")]
    private partial void LogSkipped();

    [LoggerMessage(Level = LogLevel.Warning, Message = "A demo application of decree {DecreeNumber} was refused: [{Rule}] {Detail}")]
    private partial void LogRejected(string decreeNumber, string rule, string detail);
}
