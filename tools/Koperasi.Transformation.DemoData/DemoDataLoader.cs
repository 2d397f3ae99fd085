using System.Diagnostics;
using Koperasi.ServiceDefaults.Persistence;
using Koperasi.ServiceDefaults.Time;
using Koperasi.Transformation.Cases;
using Koperasi.Transformation.Cooperatives;
using Koperasi.Transformation.Dissolutions;
using Marten;

namespace Koperasi.Transformation.Demo;

public enum DemoDataStatus
{
    Loaded,

    /// <summary>Loaded before, or the service already holds dissolution cases: nothing was added.</summary>
    Skipped,
}

/// <summary>The outcome of the load: the batch, how many were proposed, approved and dissolved, and held back.</summary>
public sealed record DemoDataState(DemoDataStatus Status, Guid BatchId, int Proposed, int Dissolved, int HeldBack);

/// <summary>
/// Marks the demo load in the database, in the same commit as the batch and its cases: a load is
/// there whole or not at all, and a second run adds nothing.
/// </summary>
public sealed record DemoDataLoad(string Id, DateTimeOffset LoadedAt)
{
    public const string Key = "demo-data-dissolution-2018";

    public static void Register(StoreOptions options) => options.Schema.For<DemoDataLoad>().DocumentAlias("demo_data_load");
}

/// <summary>
/// Loads the 2018 dissolution batch into the Transformation's own store, through the service's own
/// decisions (<see cref="DemoBatch2018Plan"/>), once the service has learned the register (the
/// Registry's demo registers the approved koperasi under fixed ids). One commit: the cases, the batch
/// and the load's marker. The running service's relay then publishes the steps, and the Registry
/// records each approved koperasi dissolved over the bus, as for any case.
/// </summary>
public sealed partial class DemoDataLoader(IDocumentStore store, TimeProvider clock, DissolutionOptions options, ILogger<DemoDataLoader> logger)
{
    public const string Actor = "system:demo-data";

    public Task<DemoDataState> LoadAsync(CancellationToken cancellationToken) => LoadAsync(DemoBatch2018.Load(), cancellationToken);

    public async Task<DemoDataState> LoadAsync(DemoBatch2018 batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        batch.Check();
        var started = Stopwatch.GetTimestamp();
        await using var session = store.OpenSessionAs(Actor);
        if (await session.LoadAsync<DemoDataLoad>(DemoDataLoad.Key, cancellationToken) is not null
            || await session.Query<DissolutionCase>().AnyAsync(cancellationToken))
        {
            LogSkipped();
            return new DemoDataState(DemoDataStatus.Skipped, Koperasi.Demo.DemoBatch2018Ids.BatchId, 0, 0, 0);
        }

        var approved = batch.ApprovedCooperatives;
        var standings = await Proposals.StandingsAsync(session, approved.Select(a => a.CooperativeId), cancellationToken);
        var unknown = approved.Where(a => standings[a.CooperativeId].Cooperative is not { IsRegistered: true }).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException(
                $"This service does not know {unknown.Count} of the {approved.Count} koperasi of the 2018 batch the ministry approved (such as {unknown[0].CooperativeId} of regency {unknown[0].RegencyCode}): " +
                "load the Registry's demo data set first, and wait until this service has learned the register.");
        }

        var proposals = approved.Select(a => new DemoProposal(standings[a.CooperativeId], null)).ToList();
        var taken = approved.Select(a => a.CooperativeId).ToHashSet();
        foreach (var files in batch.HeldBack)
        {
            var chosen = await HeldBackAsync(session, files, batch.Schedule.ProposedOn, taken, cancellationToken);
            var held = await Proposals.StandingsAsync(session, chosen, cancellationToken);
            proposals.AddRange(chosen.Select(id => new DemoProposal(held[id], files.Reason)));
            taken.UnionWith(chosen);
        }

        var today = clock.Today();
        var events = DemoBatch2018Plan.Build(batch, proposals, options, today);
        foreach (var (caseId, caseEvents) in events.Cases)
        {
            session.Events.StartStream<DissolutionCase>(caseId, caseEvents);
        }

        session.Events.StartStream<DissolutionBatch>(events.BatchId, events.Batch);
        session.Insert(new DemoDataLoad(DemoDataLoad.Key, clock.GetUtcNow()));
        await session.SaveChangesAsync(cancellationToken);

        var dissolved = events.Cases.Count(c => c.Events.OfType<LegalEntityExtinguished>().Any());
        var elapsed = Stopwatch.GetElapsedTime(started);
        LogLoaded(proposals.Count, dissolved, proposals.Count - dissolved, elapsed);
        return new DemoDataState(DemoDataStatus.Loaded, events.BatchId, proposals.Count, dissolved, proposals.Count - dissolved);
    }

    /// <summary>
    /// The files of a regency the ministry held back: koperasi of today's register, not dissolved, that
    /// were legal entities before the proposal and without a RAT for the ground's years by then (the
    /// register's latest RAT year), in no case; the first by name.
    /// </summary>
    private async Task<IReadOnlyList<Guid>> HeldBackAsync(IQuerySession session, DemoBatch2018.HeldBackFiles files, DateOnly proposedOn, HashSet<Guid> taken, CancellationToken cancellationToken)
    {
        var lastWithoutGround = proposedOn.Year - 1 - options.NoRatYears;
        var known = await session.Query<KnownCooperative>()
            .Where(c => c.IsRegistered && c.DissolvedOn == null && c.RegencyCode!.Value == files.Code)
            .ToListAsync(cancellationToken);
        var eligible = known
            .Where(c => !taken.Contains(c.Id) && c.DecreeYear < proposedOn.Year && (c.LatestRatYear ?? c.DecreeYear) <= lastWithoutGround)
            .OrderBy(c => c.Name?.Value, StringComparer.Ordinal).ThenBy(c => c.Id)
            .ToList();
        var claimed = eligible.Count == 0
            ? []
            : (await session.LoadManyAsync<ParticipationClaim>(cancellationToken, [.. eligible.Select(c => c.Id)])).Select(c => c.Id).ToHashSet();
        var chosen = eligible.Where(c => !claimed.Contains(c.Id)).Take(files.Count).Select(c => c.Id).ToList();
        if (chosen.Count < files.Count)
        {
            throw new InvalidOperationException(
                $"Regency {files.Code} has {chosen.Count} koperasi to hold back for {files.Reason}, fewer than the {files.Count} of dissolution-2018.json " +
                $"(registered before {proposedOn.Year}, no RAT after {lastWithoutGround}, in no case).");
        }

        return chosen;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded the 2018 dissolution batch: {Proposed} proposed, {Dissolved} dissolved, {HeldBack} held back, in {Elapsed}")]
    private partial void LogLoaded(int proposed, int dissolved, int heldBack, TimeSpan elapsed);

    [LoggerMessage(Level = LogLevel.Information, Message = "The service already holds dissolution cases (or the batch): the 2018 demo batch is not loaded")]
    private partial void LogSkipped();
}
