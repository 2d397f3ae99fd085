using System.Diagnostics;
using JasperFx;
using Koperasi.Registry.Activity;
using Koperasi.Registry.Cooperatives;
using Koperasi.ServiceDefaults.Persistence;
using Koperasi.ServiceDefaults.Time;
using Marten;

namespace Koperasi.Registry.Demo;

/// <summary>The outcome of a demo load, and its progress while it runs.</summary>
public enum DemoDataStatus
{
    Loading,

    Loaded,

    /// <summary>The register already held koperasi (or another load got there first): nothing was added.</summary>
    Skipped,
}

/// <summary>Where a demo load stands: the koperasi registered and rejected so far, of the set's total.</summary>
public sealed record DemoDataState(DemoDataStatus Status, int Registered, int Rejected, int Total);

/// <summary>
/// Loads the demo data set when the register is empty, through the normal decision path: the
/// Registry's own validation, rules and activity evaluated up to today, into the Registry's own
/// store; the running Registry's daemon then relays the events and counts the statistics as for any
/// registration. A register that already holds koperasi is left alone; a load cut short is resumed.
/// </summary>
public sealed partial class DemoDataLoader(
    IDocumentStore store,
    TimeProvider clock,
    ActivityPolicy policy,
    ILogger<DemoDataLoader> logger)
{
    public const string Actor = "system:demo-data";
    private const int BatchSize = 250;

    /// <summary>Loads the set (or resumes it), reporting after each batch; the final state says whether anything was added.</summary>
    public Task<DemoDataState> LoadAsync(IProgress<DemoDataState>? progress, CancellationToken cancellationToken) =>
        LoadAsync(DemoTargets.Load(), progress, cancellationToken);

    /// <summary>Loads the set generated for <paramref name="targets"/> (a test's scaled-down figures; the tool loads the published ones).</summary>
    public async Task<DemoDataState> LoadAsync(DemoTargets targets, IProgress<DemoDataState>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(targets);
        DemoDataLoad? marker;
        bool holdsKoperasi;
        await using (var query = store.QuerySession())
        {
            marker = await query.LoadAsync<DemoDataLoad>(DemoDataLoad.Key, cancellationToken);
            holdsKoperasi = await query.Query<Cooperative>().AnyAsync(cancellationToken);
        }

        if (marker is { CompletedAt: not null } || (marker is null && holdsKoperasi))
        {
            return Skip(targets.Total);
        }

        var set = DemoData.Generate(targets);

        if (policy != new ActivityPolicy())
        {
            LogPolicyDiffers();
        }

        var load = marker ?? new DemoDataLoad(DemoDataLoad.Key, clock.GetUtcNow(), null);
        var claimLoad = marker is null;
        var today = clock.Today();
        var started = Stopwatch.GetTimestamp();
        var (registered, rejected) = (0, 0);
        progress?.Report(new DemoDataState(DemoDataStatus.Loading, 0, 0, set.Count));
        LogLoading(set.Count, today, marker is not null);
        foreach (var batch in set.Chunk(BatchSize))
        {
            await using var session = store.OpenSessionAs(Actor);
            if (claimLoad)
            {
                session.Insert(load);
            }

            foreach (var request in batch.Select(r => KnownBy(r, today)))
            {
                if (await RegisterInSessionAsync(session, request, today, cancellationToken))
                {
                    registered++;
                }
                else
                {
                    rejected++;
                }
            }

            try
            {
                await session.SaveChangesAsync(cancellationToken);
            }
            catch (DocumentAlreadyExistsException)
            {
                // Another instance started the same load at the same moment; it carries on.
                return Skip(set.Count);
            }

            claimLoad = false;
            progress?.Report(new DemoDataState(DemoDataStatus.Loading, registered, rejected, set.Count));
        }

        await using (var session = store.OpenSessionAs(Actor))
        {
            session.Store(load with { CompletedAt = clock.GetUtcNow() });
            await session.SaveChangesAsync(cancellationToken);
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        LogLoaded(registered, rejected, elapsed);
        return new DemoDataState(DemoDataStatus.Loaded, registered, rejected, set.Count);
    }

    /// <summary>Adds one registration to the session; false if it breaks a rule. One already registered by an interrupted load counts as done.</summary>
    private async Task<bool> RegisterInSessionAsync(IDocumentSession session, Register.Request request, DateOnly today, CancellationToken cancellationToken)
    {
        if (!Register.Validate(request).IsValid)
        {
            LogRejected(request.LegalEntity.DecreeNumber, "invalid-request");
            return false;
        }

        var outcome = await Register.DecideInSessionAsync(session, Register.ToCommand(request, Guid.CreateVersion7()), today, policy, cancellationToken);
        if (outcome.Error is { } error && error.Rule != Register.AlreadyRegistered(request.LegalEntity.DecreeNumber).Rule)
        {
            LogRejected(request.LegalEntity.DecreeNumber, error.Rule);
            return false;
        }

        return true;
    }

    /// <summary>The registration as the register would know it today: facts dated after today are left out.</summary>
    private static Register.Request KnownBy(Register.Request request, DateOnly today) => request with
    {
        RatHistory = [.. (request.RatHistory ?? []).Where(r => r.HeldOn <= today)],
        NikKoperasi = request.NikKoperasi is { } nik && nik.IssuedOn <= today ? nik : null,
    };

    private DemoDataState Skip(int total)
    {
        LogSkipped();
        return new DemoDataState(DemoDataStatus.Skipped, 0, 0, total);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loading the demo data set: {Total} koperasi as of {Today} (resuming: {Resuming})")]
    private partial void LogLoading(int total, DateOnly today, bool resuming);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data set loaded: {Registered} koperasi registered, {Rejected} rejected, in {Elapsed}")]
    private partial void LogLoaded(int registered, int rejected, TimeSpan elapsed);

    [LoggerMessage(Level = LogLevel.Information, Message = "The register already holds koperasi: the demo data set is not loaded")]
    private partial void LogSkipped();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo koperasi {DecreeNumber} was rejected: {Rule}")]
    private partial void LogRejected(string decreeNumber, string rule);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The activity policy differs from its defaults; the demo data set reproduces the published figures only under the defaults")]
    private partial void LogPolicyDiffers();
}
