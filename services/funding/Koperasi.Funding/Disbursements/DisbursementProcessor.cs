using Koperasi.Funding.Applicants;
using Koperasi.Funding.Applications;
using Koperasi.ServiceDefaults.Identity;
using Koperasi.ServiceDefaults.Persistence;
using Koperasi.ServiceDefaults.PersonalData;
using Koperasi.ServiceDefaults.Time;
using Marten;
using Microsoft.Extensions.Options;

namespace Koperasi.Funding.Disbursements;

/// <summary>
/// Sends each requested disbursement to the bank and records what became of it. The work list is
/// the applications' projection (status disbursement-requested), so a restart, or another process,
/// finds what is still to pay. Every attempt carries the disbursement id as idempotency key: a
/// transfer sent twice (a lost answer, two processors, an officer's retry) is paid once, and the
/// outcome is appended at the version the processor read, so only one of them records it. One
/// replica per database runs it at a time, elected (see <see cref="LeaderElection"/>).
/// </summary>
public sealed partial class DisbursementProcessor(
    LeaderElection election,
    IServiceScopeFactory scopes,
    IDocumentStore store,
    DisbursementSignal signal,
    BankCircuit circuit,
    DisbursementMetrics metrics,
    TimeProvider clock,
    IOptions<BankSettings> options,
    ILogger<DisbursementProcessor> logger) : BackgroundService
{
    public const string Actor = "system:disbursement";

    /// <summary>The name of the elected work (its advisory lock).</summary>
    public const string ElectedWork = "disbursements";

    private BankSettings Settings => options.Value;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        election.RunWhileLeaderAsync(ElectedWork, RunAsync, stoppingToken);

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var more = false;
            try
            {
                more = await RunRoundAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogRoundFailed(exception);
            }

            if (!more)
            {
                // Wall-clock pacing of calls to the bank, not business time.
                await signal.WaitAsync(circuit.IsOpen ? Settings.BreakDuration : Settings.PollInterval, stoppingToken);
            }
        }
    }

    /// <summary>One pass over the waiting disbursements; true when a full batch went out and more may wait.</summary>
    private async Task<bool> RunRoundAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<Application> waiting;
        await using (var query = store.QuerySession())
        {
            waiting = await query.Query<Application>()
                .Where(a => a.Status == ApplicationStatus.DisbursementRequested)
                .OrderBy(a => a.Id)
                .Take(Settings.BatchSize)
                .ToListAsync(cancellationToken);
        }

        var deferred = 0;
        await Parallel.ForEachAsync(
            waiting,
            new ParallelOptions { MaxDegreeOfParallelism = Settings.Parallelism, CancellationToken = cancellationToken },
            async (application, token) =>
            {
                if (await DisburseAsync(application, token) is BankOutcome.Unavailable)
                {
                    Interlocked.Increment(ref deferred);
                }
            });

        if (deferred > 0)
        {
            LogDeferred(deferred);
        }

        return waiting.Count == Settings.BatchSize && deferred == 0;
    }

    private async Task<BankOutcome> DisburseAsync(Application application, CancellationToken cancellationToken)
    {
        var outcome = circuit.IsOpen ? new BankOutcome.Unavailable() : await AskTheBankAsync(application, cancellationToken);
        metrics.Count(outcome);
        if (outcome is not BankOutcome.Unavailable)
        {
            await RecordAsync(application, outcome, cancellationToken);
        }

        return outcome;
    }

    private async Task<BankOutcome> AskTheBankAsync(Application application, CancellationToken cancellationToken)
    {
        using var actor = CurrentActor.RunAs(Actor);
        await using var scope = scopes.CreateAsyncScope();
        var vault = scope.ServiceProvider.GetRequiredService<IPersonalDataVault>();
        var record = await vault.RevealAsync<ApplicantRecord>(
            application.ApplicantId, $"Transfer of the grant of application {application.Id} to the recipient's account", cancellationToken);
        if (record?.BankAccount is not { } account)
        {
            return new BankOutcome.Failed(record is null
                ? "The applicant's personal data was erased: there is no account to pay into."
                : "No bank account is recorded for the applicant.");
        }

        var disbursement = application.Disbursement!;
        var bank = scope.ServiceProvider.GetRequiredService<BankClient>();
        return await bank.TransferAsync(
            disbursement.DisbursementId, disbursement.Amount, account, $"Hibah Dumisake {application.ProgrammeYear} {application.Id}", cancellationToken);
    }

    private async Task RecordAsync(Application application, BankOutcome outcome, CancellationToken cancellationToken)
    {
        var disbursementId = application.Disbursement!.DisbursementId;
        await using var session = store.OpenSessionAs(Actor);
        try
        {
            var stream = await session.Events.FetchForWriting<Application>(application.Id, application.Version, cancellationToken);
            var decision = outcome is BankOutcome.Paid paid
                ? stream.Aggregate!.RecordDisbursement(disbursementId, paid.TransferReference, clock.Today())
                : stream.Aggregate!.RecordDisbursementFailure(disbursementId, ((BankOutcome.Failed)outcome).Reason, clock.Today());
            if (decision.Error is { } error)
            {
                LogNotRecorded(application.Id, error.Rule);
                return;
            }

            stream.AppendMany(decision.Events);
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (JasperFx.ConcurrencyException)
        {
            // Another processor recorded this disbursement's outcome first; the bank paid it once.
            LogRecordedElsewhere(application.Id);
            return;
        }

        if (outcome is BankOutcome.Failed failed)
        {
            LogFailed(application.Id, disbursementId, failed.Reason);
        }
        else
        {
            LogPaid(application.Id, disbursementId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Grant of application {ApplicationId} paid under disbursement {DisbursementId}")]
    private partial void LogPaid(Guid applicationId, Guid disbursementId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Disbursement {DisbursementId} of application {ApplicationId} failed: {Reason}")]
    private partial void LogFailed(Guid applicationId, Guid disbursementId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The bank's circuit is open: {Count} disbursements wait for the next round")]
    private partial void LogDeferred(int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The outcome of application {ApplicationId}'s disbursement was recorded by another processor")]
    private partial void LogRecordedElsewhere(Guid applicationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "The outcome of application {ApplicationId}'s disbursement was not recorded: {Rule}")]
    private partial void LogNotRecorded(Guid applicationId, string rule);

    [LoggerMessage(Level = LogLevel.Error, Message = "A round of disbursements failed; the processor tries again at its next interval")]
    private partial void LogRoundFailed(Exception exception);
}
