using Marten;

namespace Koperasi.Funding.Applications;

// The events of an application's stream. They never carry the applicant's NIK, name, phone or
// bank account: those live in the personal-data vault under ApplicantId, a pseudonym. Events that
// have a public contract carry what happened; the contract takes the rest from the application as of
// the event (Messaging/FundingIntegrationEvents.cs).

public sealed record ApplicationSubmitted(
    Guid ApplicationId,
    Guid ApplicantId,
    Guid ProgrammeId,
    int ProgrammeYear,
    string Category,
    Sex Sex,
    DateOnly BirthDate,
    string RegencyCode,
    string Kecamatan,
    Occupation Occupation,
    bool DeclaredKurDebtor,
    string? Nib,
    string BusinessDescription,
    Guid? CooperativeId,
    DateOnly SubmittedOn);

/// <summary>A verifikator checked the documents; an incomplete set leaves the application where it was.</summary>
public sealed record DocumentsChecked(Guid ApplicationId, DateOnly CheckedOn, bool Complete, IReadOnlyList<string> Missing, string? Notes);

public sealed record FieldVerified(
    Guid ApplicationId,
    DateOnly VisitedOn,
    string VerifiedBy,
    string Findings,
    bool BusinessFound,
    bool KurDebtorFound,
    IReadOnlyList<string> PhotoReferences);

public sealed record ApplicationFoundEligible(Guid ApplicationId, DateOnly DecidedOn, string? Notes);

/// <summary>Not eligible: every rule the application fails, and the officer's own findings.</summary>
public sealed record ApplicationFoundNotEligible(Guid ApplicationId, DateOnly DecidedOn, IReadOnlyList<EligibilityFailure> Reasons, string? Notes);

/// <summary>
/// Granted in a decree batch; the programme's stream records the batch in the same transaction.
/// (Events stored before the map read the application carry its submission fields too; they are ignored.)
/// </summary>
public sealed record GrantAwarded(
    Guid ApplicationId,
    decimal Amount,
    Guid BatchId,
    string DecreeNumber,
    DateOnly DecreeDate);

/// <summary>The transfer was asked of the bank under <paramref name="DisbursementId"/>, the idempotency key of every attempt.</summary>
public sealed record DisbursementRequested(Guid ApplicationId, Guid DisbursementId, decimal Amount, DateOnly RequestedOn);

/// <summary>The bank did not pay, after the adapter's own retries; an officer may retry.</summary>
public sealed record DisbursementFailed(Guid ApplicationId, Guid DisbursementId, string Reason, DateOnly FailedOn);

/// <summary>An officer retried a failed disbursement, under the same idempotency key.</summary>
public sealed record DisbursementRetried(Guid ApplicationId, Guid DisbursementId, int Attempt, DateOnly RetriedOn);

/// <summary>The bank paid. (Events stored before the map read the application carry its submission fields too; they are ignored.)</summary>
public sealed record DisbursementCompleted(
    Guid ApplicationId,
    decimal Amount,
    Guid DisbursementId,
    string TransferReference,
    DateOnly DisbursedOn);

/// <summary>A pendamping's visit; <paramref name="Number"/> 1 is the visit that makes the grant count as monitored.</summary>
public sealed record MonitoringVisitRecorded(
    Guid ApplicationId,
    Guid ApplicantId,
    int ProgrammeYear,
    string Category,
    string RegencyCode,
    string Kecamatan,
    int Number,
    DateOnly VisitedOn,
    string VisitedBy,
    bool FundsUsedAsPlanned,
    decimal? MonthlyRevenue,
    string? Production,
    IReadOnlyList<string> PhotoReferences,
    string? Notes);

public sealed record ApplicationClosed(Guid ApplicationId, DateOnly ClosedOn, string? Notes);

/// <summary>Cancelled before disbursement; a decreed grant is withdrawn from the reports with it.</summary>
public sealed record ApplicationCancelled(Guid ApplicationId, DateOnly CancelledOn, string Reason, WithdrawnGrant? Withdrawn);

/// <summary>The decreed grant a cancellation took back, as the reports counted it.</summary>
public sealed record WithdrawnGrant(Guid ProgrammeId, int ProgrammeYear, string Category, string RegencyCode, string Kecamatan, decimal Amount);

/// <summary>Stored event names: stable, so renaming or moving a class never breaks history.</summary>
public static class ApplicationEventNames
{
    public static void Register(StoreOptions options)
    {
        options.Events.MapEventType<ApplicationSubmitted>("application-submitted");
        options.Events.MapEventType<DocumentsChecked>("documents-checked");
        options.Events.MapEventType<FieldVerified>("field-verified");
        options.Events.MapEventType<ApplicationFoundEligible>("application-found-eligible");
        options.Events.MapEventType<ApplicationFoundNotEligible>("application-found-not-eligible");
        options.Events.MapEventType<GrantAwarded>("grant-decreed");
        options.Events.MapEventType<DisbursementRequested>("disbursement-requested");
        options.Events.MapEventType<DisbursementFailed>("disbursement-failed");
        options.Events.MapEventType<DisbursementRetried>("disbursement-retried");
        options.Events.MapEventType<DisbursementCompleted>("grant-disbursed");
        options.Events.MapEventType<MonitoringVisitRecorded>("monitoring-visit-recorded");
        options.Events.MapEventType<ApplicationClosed>("application-closed");
        options.Events.MapEventType<ApplicationCancelled>("application-cancelled");
    }
}
