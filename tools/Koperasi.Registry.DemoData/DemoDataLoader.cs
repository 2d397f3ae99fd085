using System.Diagnostics;
using JasperFx;
using Koperasi.Registry.Activity;
using Koperasi.Registry.Cooperatives;
using Koperasi.Registry.Supervision;
using Koperasi.ServiceDefaults.Decisions;
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

    /// <summary>
    /// Loads the set (or resumes it), reporting after each batch; the final state says whether anything
    /// was added. The tool's set: the published register and, in addition, the koperasi of the 2018
    /// dissolution batch the ministry approved (the Transformation's demo dissolves them).
    /// </summary>
    public Task<DemoDataState> LoadAsync(IProgress<DemoDataState>? progress, CancellationToken cancellationToken) =>
        LoadAsync(DemoTargets.Load(), DemoDissolution2018.Load(), progress, cancellationToken);

    /// <summary>Loads the set generated for <paramref name="targets"/> (a test's scaled-down figures; the tool loads the published ones).</summary>
    public Task<DemoDataState> LoadAsync(DemoTargets targets, IProgress<DemoDataState>? progress, CancellationToken cancellationToken) =>
        LoadAsync(targets, null, progress, cancellationToken);

    /// <summary>Loads the set of <paramref name="targets"/> and, with <paramref name="batch2018"/>, the approved koperasi of that batch under their fixed ids.</summary>
    public async Task<DemoDataState> LoadAsync(DemoTargets targets, DemoDissolution2018? batch2018, IProgress<DemoDataState>? progress, CancellationToken cancellationToken)
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

        var set = DemoData.GenerateSet(targets).ToList();
        var fixedIds = new Dictionary<DemoCooperative, Guid>(ReferenceEqualityComparer.Instance);
        if (batch2018 is not null)
        {
            foreach (var (id, request) in DemoDissolution2018.Identified(DemoData.Dissolved2018(targets, batch2018)))
            {
                var approved = new DemoCooperative(request, null, []);
                set.Add(approved);
                fixedIds[approved] = id;
            }
        }

        if (policy != new ActivityPolicy())
        {
            LogPolicyDiffers();
        }

        var load = marker ?? new DemoDataLoad(DemoDataLoad.Key, clock.GetUtcNow(), null);
        var claimLoad = marker is null;
        var today = clock.Today();
        var started = Stopwatch.GetTimestamp();
        var (registered, rejected) = (0, 0);
        var flagshipRegencies = new HashSet<string>(StringComparer.Ordinal);
        progress?.Report(new DemoDataState(DemoDataStatus.Loading, 0, 0, set.Count));
        LogLoading(set.Count, today, marker is not null);
        foreach (var batch in set.Chunk(BatchSize))
        {
            await using var session = store.OpenSessionAs(Actor);
            if (claimLoad)
            {
                session.Insert(load);
            }

            var staged = new List<(Guid Id, DemoCooperative Item)>();
            foreach (var item in batch)
            {
                if (await RegisterInSessionAsync(session, KnownBy(item.Request, today), fixedIds.GetValueOrDefault(item, Guid.CreateVersion7()), today, cancellationToken) is { } id)
                {
                    registered++;
                    staged.Add((id, item));
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
            await SuperviseAsync(staged, flagshipRegencies, today, cancellationToken);
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

    /// <summary>Adds one registration to the session: its id, or null if it breaks a rule. One already registered by an interrupted load counts as done.</summary>
    private async Task<Guid?> RegisterInSessionAsync(IDocumentSession session, Register.Request request, Guid id, DateOnly today, CancellationToken cancellationToken)
    {
        if (!Register.Validate(request).IsValid)
        {
            LogRejected(request.LegalEntity.DecreeNumber, "invalid-request");
            return null;
        }

        var outcome = await Register.DecideInSessionAsync(session, Register.ToCommand(request, id), today, policy, cancellationToken);
        if (outcome.Error is { } error && error.Rule != Register.AlreadyRegistered(request.LegalEntity.DecreeNumber).Rule)
        {
            LogRejected(request.LegalEntity.DecreeNumber, error.Rule);
            return null;
        }

        return outcome.CooperativeId;
    }

    /// <summary>
    /// Records what the register knows of the batch's koperasi after registration, through the
    /// supervision decisions: each KDMP's marking (with its desa claim) and formation steps, and the
    /// NIK koperasi renewals, as far as they took place by today. Deciding again what a resumed load
    /// already recorded changes nothing.
    /// </summary>
    private async Task SuperviseAsync(IReadOnlyList<(Guid Id, DemoCooperative Item)> batch, HashSet<string> flagshipRegencies, DateOnly today, CancellationToken cancellationToken)
    {
        var items = batch.Where(b => b.Item.Kdmp is not null || b.Item.NikKoperasiRenewals.Count > 0 || b.Item.Pembina is not null || b.Item.FlagshipCandidate).ToList();
        if (items.Count == 0)
        {
            return;
        }

        await using var session = store.OpenSessionAs(Actor);
        var ids = items.Select(i => i.Id).ToArray();
        var cooperatives = (await session.LoadManyAsync<Cooperative>(cancellationToken, ids)).ToDictionary(c => c.Id);
        var supervision = (await session.LoadManyAsync<CooperativeSupervision>(cancellationToken, ids)).ToDictionary(s => s.CooperativeId);
        var desa = items.Select(i => i.Item.Kdmp?.DesaCode).OfType<string>().ToArray();
        var claims = desa.Length == 0 ? [] : (await session.LoadManyAsync<KdmpDesaClaim>(cancellationToken, desa)).ToDictionary(c => c.Id);
        foreach (var (id, item) in items)
        {
            if (!cooperatives.TryGetValue(id, out var cooperative))
            {
                continue;
            }

            var state = supervision.GetValueOrDefault(id) ?? new CooperativeSupervision { CooperativeId = id, RegencyCode = cooperative.Address.RegencyCode };
            var events = new List<object>();
            bool Apply(Func<CooperativeSupervision, Decision> decide)
            {
                var decision = decide(state);
                if (decision.Error is { } error)
                {
                    LogRejected(cooperative.LegalEntity.DecreeNumber, error.Rule);
                    return false;
                }

                events.AddRange(decision.Events);
                state = decision.Events.Aggregate(state, (s, e) => CooperativeSupervision.Fold(s, e)!);
                return true;
            }

            if (item.Kdmp is { } kdmp && kdmp.MarkedOn <= today
                && KdmpDesaClaim.Check(claims.GetValueOrDefault(kdmp.DesaCode), id) is null
                && Apply(s => s.MarkKdmp(cooperative, new MarkKdmp(kdmp.DesaCode, kdmp.MarkedOn), today)))
            {
                if (!claims.ContainsKey(kdmp.DesaCode))
                {
                    var claim = new KdmpDesaClaim(kdmp.DesaCode, id);
                    session.Insert(claim);
                    claims[claim.Id] = claim;
                }

                (KdmpFormationStep Step, DateOnly On, string? Reference)[] steps =
                [
                    (KdmpFormationStep.MusyawarahDesaKhusus, kdmp.MusyawarahDesaKhusus, null),
                    (KdmpFormationStep.Deed, kdmp.DeedOn, kdmp.DeedNumber),
                    (KdmpFormationStep.LegalEntity, kdmp.LegalEntityOn, kdmp.DecreeNumber),
                ];
                foreach (var (step, on, reference) in steps.Where(s => s.On <= today))
                {
                    Apply(s => s.RecordKdmpFormationStep(cooperative, new RecordKdmpFormationStep(step, on, reference), today));
                }
            }

            if (cooperative.NikKoperasi is { } nik)
            {
                foreach (var on in item.NikKoperasiRenewals.Where(on => on <= today))
                {
                    Apply(s => s.RenewNikKoperasi(cooperative, new RenewNikKoperasi(nik.Number, on), today));
                }
            }

            if (item.Pembina is { } pembina
                && Apply(s => s.AssignPembina(cooperative, new AssignPembina(PembinaLevel.KabupatenKota, pembina.UserId, cooperative.Address.RegencyCode), today))
                && pembina.Visit is { } visit
                && state.Records.All(r => r.RecordId != visit.RecordId))
            {
                var heldOn = today.AddDays(-visit.DaysBeforeLoad);
                Apply(s => s.RecordSupervision(
                    cooperative,
                    new RecordSupervision(visit.RecordId, SupervisionKind.Visit, heldOn, pembina.UserId, visit.Findings, visit.Recommendations, [new FollowUpPlan(visit.FollowUp, heldOn.AddDays(visit.FollowUpDueAfterDays))]),
                    today));
            }

            // One flagship per chosen regency, for the current year: the first candidate the rules accept (aktif today).
            if (item.FlagshipCandidate && state.Designations.Count == 0 && flagshipRegencies.Add(cooperative.Address.RegencyCode))
            {
                var designation = new DesignateFlagship(
                    DeterministicId(cooperative.LegalEntity.DecreeNumber), cooperative.Address.RegencyCode,
                    "Regular RAT and growing business; an example for the koperasi of the regency.",
                    new DateOnly(today.Year, 1, 1), new DateOnly(today.Year, 12, 31));
                if (!Apply(s => s.DesignateFlagship(cooperative, designation, today, policy)))
                {
                    flagshipRegencies.Remove(cooperative.Address.RegencyCode);
                }
            }

            if (events.Count > 0)
            {
                // Appended as the services append (ADR 0013): fetched for writing, so the stream's version is
                // known and the inline projections store the documents at it. A bare Append under quick
                // append leaves the version unknown: the documents were stored at version 0, an ETag no
                // If-Match could match.
                var stream = await session.Events.FetchForWriting<Cooperative>(id, cancellationToken);
                stream.AppendMany(events);
            }
        }

        await session.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The registration as the register would know it today: facts dated after today are left out.</summary>
    private static Register.Request KnownBy(Register.Request request, DateOnly today) => request with
    {
        RatHistory = [.. (request.RatHistory ?? []).Where(r => r.HeldOn <= today)],
        NikKoperasi = request.NikKoperasi is { } nik && nik.IssuedOn <= today ? nik : null,
    };

    /// <summary>The same id for the same koperasi on every run, so a resumed load recognises what it recorded.</summary>
    private static Guid DeterministicId(string key)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key));
        return new Guid(hash.AsSpan(0, 16));
    }

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
