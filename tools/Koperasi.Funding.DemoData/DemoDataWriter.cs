using JasperFx;
using Koperasi.Funding.Applications;
using Koperasi.Funding.Cooperatives;
using Koperasi.Funding.Decrees;
using Koperasi.Funding.Programmes;
using Koperasi.ServiceDefaults.Decisions;
using Koperasi.ServiceDefaults.Persistence;
using Koperasi.ServiceDefaults.PersonalData;
using Marten;

namespace Koperasi.Funding.Demo;

/// <summary>What loading one decree batch did: the applications granted, those a rule refused, or nothing because an earlier start committed it.</summary>
public sealed record BatchLoaded(int Granted, IReadOnlyList<DomainError> Refused, bool AlreadyLoaded);

/// <summary>
/// Writes the demo data set through the use cases' own code: the programmes opened as an officer
/// opens them, each application submitted, checked, verified, found eligible and decreed by the
/// decisions the endpoints call, its applicant's data in the vault as a submission stores it. In
/// process, not over HTTP, and one decree batch a transaction, so thousands of applications take
/// seconds and a load cut short resumes at the first batch not committed.
/// </summary>
public static class DemoDataWriter
{
    /// <summary>Opens the set's programmes with the load's marker; false if another instance (or an officer) got there first.</summary>
    public static async Task<bool> OpenProgrammesAsync(IDocumentStore store, DemoSet set, DemoDataLoad load, ProgrammeDefaults defaults, CancellationToken cancellationToken)
    {
        await using var session = store.OpenSessionAs(DemoDataLoader.Actor);
        session.Insert(load);
        foreach (var request in set.Programmes)
        {
            var validation = OpenProgramme.Validate(request);
            if (!validation.IsValid)
            {
                throw new InvalidOperationException($"The demo programme {request.Year} is not valid: {string.Join(" ", validation.Errors.SelectMany(e => e.Value))}");
            }

            if (OpenProgramme.StartStreamInSession(session, OpenProgramme.ToCommand(request, Guid.CreateVersion7(), defaults)) is { } error)
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

    /// <summary>The set's programmes by year, as the claims on their years name them.</summary>
    public static async Task<IReadOnlyDictionary<int, Guid>> ProgrammesAsync(IDocumentStore store, DemoSet set, CancellationToken cancellationToken)
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
    public static async Task<BatchLoaded> LoadBatchAsync(IDocumentStore store, IPersonalDataVault vault, DemoBatch batch, Guid programmeId, CancellationToken cancellationToken)
    {
        await using var session = store.OpenSessionAs(DemoDataLoader.Actor);
        var programmeStream = await session.Events.FetchForWriting<Programme>(programmeId, cancellationToken);
        var programme = programmeStream.Aggregate
            ?? throw new InvalidOperationException($"The demo programme {batch.Year} ({programmeId}) is missing.");
        var done = await session.Query<DecreeBatch>().FirstOrDefaultAsync(
            b => b.ProgrammeId == programmeId && b.NumberKey == DecreeBatch.KeyOf(batch.DecreeNumber), cancellationToken);
        if (done is not null)
        {
            return new BatchLoaded(done.Recipients, [], AlreadyLoaded: true);
        }

        var histories = new List<DemoHistory>();
        var refused = new List<DomainError>();
        foreach (var application in batch.Applications)
        {
            var (history, refusal) = DemoHistory.UpToEligibility(application, programme);
            if (history is not null)
            {
                histories.Add(history);
            }
            else
            {
                refused.Add(refusal!);
            }
        }

        if (histories.Count == 0)
        {
            return new BatchLoaded(0, refused, AlreadyLoaded: false);
        }

        // The set names no koperasi (the Registry's demo koperasi get new ids on every load) and
        // its applicants are new people: no standing to check and no grant held.
        var command = new IssueDecreeBatch(Guid.CreateVersion7(), batch.DecreeNumber, batch.DecreedOn, [.. histories.Select(h => h.Command.ApplicationId)]);
        var outcome = programme.IssueDecreeBatch(
            command,
            histories.ToDictionary(h => h.Command.ApplicationId, h => h.State),
            new Dictionary<Guid, CooperativeReplica?>(),
            new Dictionary<Guid, IReadOnlyList<GrantHeld>>(),
            [],
            batch.DecreedOn);
        if (outcome.Refusal is { } batchRefusal)
        {
            throw new InvalidOperationException($"Demo decree {batch.DecreeNumber} was refused: [{batchRefusal.Rule}] {batchRefusal.Detail}");
        }

        programmeStream.AppendOne(outcome.Batch!);
        foreach (var history in histories)
        {
            history.Decreed(outcome.ApplicationEvents[history.Command.ApplicationId]);
            SubmitApplication.StartStreamInSession(session, vault, history.Command, history.Events, history.Record);
        }

        await session.SaveChangesAsync(cancellationToken);
        return new BatchLoaded(histories.Count, refused, AlreadyLoaded: false);
    }
}
