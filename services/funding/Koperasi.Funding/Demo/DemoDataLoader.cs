using System.Diagnostics;
using JasperFx;
using Koperasi.Funding.Cooperatives;
using Koperasi.Funding.Applications;
using Koperasi.Funding.Programmes;
using Koperasi.ServiceDefaults.Persistence;
using Koperasi.ServiceDefaults.PersonalData;
using Marten;
using Microsoft.Extensions.Options;

namespace Koperasi.Funding.Demo;

/// <summary>
/// Loads the demo data set into a store without programmes (configuration Demo:LoadWhenEmpty),
/// in-process and through the use cases' own code: the programmes opened as an officer opens
/// them, each application submitted, checked, verified, found eligible and decreed by the
/// decisions the endpoints call, its applicant's data in the vault. One decree batch a
/// transaction, so a load cut short resumes at the first batch not committed.
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
        if (marker is null && !await OpenProgrammesAsync(set, load, cancellationToken))
        {
            Skip(set.Applications);
            return;
        }

        var programmes = await ProgrammesAsync(set, cancellationToken);
        var (granted, rejected) = (0, 0);
        foreach (var batch in set.Batches)
        {
            var (batchGranted, batchRejected) = await LoadBatchAsync(batch, programmes[batch.Year], cancellationToken);
            granted += batchGranted;
            rejected += batchRejected;
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

    /// <summary>Opens the set's programmes with the load's marker; false if another instance (or an officer) got there first.</summary>
    private async Task<bool> OpenProgrammesAsync(DemoSet set, DemoDataLoad load, CancellationToken cancellationToken)
    {
        await using var session = store.OpenSessionAs(Actor);
        session.Insert(load);
        foreach (var request in set.Programmes)
        {
            var validation = OpenProgramme.Validate(request);
            if (!validation.IsValid)
            {
                throw new InvalidOperationException($"The demo programme {request.Year} is not valid: {string.Join(" ", validation.ToProblem().ProblemDetails.Errors.SelectMany(e => e.Value))}");
            }

            if (OpenProgramme.Stage(session, OpenProgramme.ToCommand(request, Guid.CreateVersion7(), defaults.Value)) is { } error)
            {
                throw new InvalidOperationException($"The demo programme {request.Year} was refused: [{error.Rule}] {error.Detail}");
            }
        }

        try
        {
            await session.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DocumentAlreadyExistsException)
        {
            return false;
        }
    }

    private async Task<IReadOnlyDictionary<int, Guid>> ProgrammesAsync(DemoSet set, CancellationToken cancellationToken)
    {
        await using var query = store.QuerySession();
        var claims = await query.LoadManyAsync<ProgrammeYearClaim>(cancellationToken, [.. set.Programmes.Select(p => p.Year)]);
        return claims.ToDictionary(c => c.Id, c => c.ProgrammeId);
    }

    /// <summary>
    /// Takes the batch's applications up to eligibility, decrees them by the programme's decision
    /// (against its budget and quotas), follows them up, and commits it all at once. A batch whose
    /// decree number the programme already holds was committed by an earlier start.
    /// </summary>
    private async Task<(int Granted, int Rejected)> LoadBatchAsync(DemoBatch batch, Guid programmeId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var vault = scope.ServiceProvider.GetRequiredService<IPersonalDataVault>();
        await using var session = store.OpenSessionAs(Actor);
        var programmeStream = await session.Events.FetchForWriting<Programme>(programmeId, cancellationToken);
        var programme = programmeStream.Aggregate
            ?? throw new InvalidOperationException($"The demo programme {batch.Year} ({programmeId}) is missing.");
        if (programme.Batches.FirstOrDefault(b => b.DecreeNumber == batch.DecreeNumber) is { } done)
        {
            return (done.Recipients, 0);
        }

        var histories = new List<DemoHistory>();
        foreach (var application in batch.Applications)
        {
            var (history, refusal) = DemoHistory.UpToEligibility(application, programme);
            if (history is not null)
            {
                histories.Add(history);
            }
            else
            {
                LogRejected(batch.DecreeNumber, refusal!.Rule, refusal.Detail);
            }
        }

        var rejected = batch.Applications.Count - histories.Count;
        if (histories.Count == 0)
        {
            return (0, rejected);
        }

        // The set names no koperasi (the Registry's demo koperasi get new ids on every load) and
        // its applicants are new people: no standing to check and no grant held.
        var command = new IssueDecreeBatch(Guid.CreateVersion7(), batch.DecreeNumber, batch.DecreedOn, [.. histories.Select(h => h.Command.ApplicationId)]);
        var outcome = programme.IssueDecreeBatch(
            command,
            histories.ToDictionary(h => h.Command.ApplicationId, h => h.State),
            new Dictionary<Guid, CooperativeStanding?>(),
            new Dictionary<Guid, IReadOnlyList<GrantHeld>>(),
            batch.DecreedOn);
        if (outcome.Refusal is { } refused)
        {
            throw new InvalidOperationException($"Demo decree {batch.DecreeNumber} was refused: [{refused.Rule}] {refused.Detail}");
        }

        programmeStream.AppendOne(outcome.Batch!);
        foreach (var history in histories)
        {
            history.Decreed(outcome.ApplicationEvents[history.Command.ApplicationId]);
            SubmitApplication.Stage(session, vault, history.Command, history.Events, history.Record);
        }

        await session.SaveChangesAsync(cancellationToken);
        return (histories.Count, rejected);
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
