using System.Diagnostics;
using JasperFx;
using Koperasi.Funding.Programmes;
using Koperasi.ServiceDefaults.Persistence;
using Koperasi.ServiceDefaults.PersonalData;
using Marten;
using Microsoft.Extensions.Options;

namespace Koperasi.Funding.Demo;

/// <summary>
/// Loads the demo data set into a store without programmes (configuration Demo:LoadWhenEmpty),
/// in-process (<see cref="DemoDataWriter"/>), one decree batch a transaction. A store that held
/// programmes before is left alone; a load cut short resumes at the next start.
/// </summary>
public sealed partial class DemoDataLoader(
    IDocumentStore store,
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<ProgrammeDefaults> defaults,
    DemoDataProgress progress,
    ILogger<DemoDataLoader> logger) : BackgroundService
{
    public const string Actor = "system:demo-data";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await LoadAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped mid-load: the next start resumes it.
        }
        catch (ConcurrencyException)
        {
            // Another instance committed the same batch first; it carries on.
            Skip(progress.Current.Total);
        }
        catch (Exception exception)
        {
            progress.Set(progress.Current with { Status = DemoDataStatus.Failed });
            LogFailed(exception);
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
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
            Skip(0);
            return;
        }

        var set = DemoSet.Generate();
        var started = Stopwatch.GetTimestamp();
        progress.Set(new DemoDataState(DemoDataStatus.Loading, 0, 0, set.Applications));
        LogLoading(set.Applications, set.Batches.Count, marker is not null);
        var load = marker ?? new DemoDataLoad(DemoDataLoad.Key, clock.GetUtcNow(), null);
        if (marker is null && !await DemoDataWriter.OpenProgrammesAsync(store, set, load, defaults.Value, cancellationToken))
        {
            Skip(set.Applications);
            return;
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
            progress.Set(new DemoDataState(DemoDataStatus.Loading, granted, rejected, set.Applications));
        }

        await using (var session = store.OpenSessionAs(Actor))
        {
            session.Store(load with { CompletedAt = clock.GetUtcNow() });
            await session.SaveChangesAsync(cancellationToken);
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        progress.Set(new DemoDataState(DemoDataStatus.Loaded, granted, rejected, set.Applications));
        LogLoaded(granted, rejected, elapsed);
    }

    private void Skip(int total)
    {
        progress.Set(new DemoDataState(DemoDataStatus.Skipped, 0, 0, total));
        LogSkipped();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loading the Dumisake demo data set: {Total} applications in {Batches} decree batches (resuming: {Resuming})")]
    private partial void LogLoading(int total, int batches, bool resuming);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dumisake demo data set loaded: {Granted} applications granted, {Rejected} refused, in {Elapsed}")]
    private partial void LogLoaded(int granted, int rejected, TimeSpan elapsed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Funding already holds programmes: the demo data set is not loaded")]
    private partial void LogSkipped();

    [LoggerMessage(Level = LogLevel.Warning, Message = "A demo application of decree {DecreeNumber} was refused: [{Rule}] {Detail}")]
    private partial void LogRejected(string decreeNumber, string rule, string detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "Loading the demo data set failed; the next start resumes it")]
    private partial void LogFailed(Exception exception);
}
