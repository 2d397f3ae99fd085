using Koperasi.ServiceDefaults.Decisions;

namespace Koperasi.Funding.Applications;

// Paying the decreed grant through the bank. One idempotency key (the disbursement id) serves
// every attempt, so the bank pays a retried transfer at most once.
public sealed partial record Application
{
    public Decision RequestDisbursement(Guid disbursementId, DateOnly today) =>
        Expect("a disbursement", ApplicationStatus.Decreed) is { } stage
            ? stage
            : Decision.Accept(new DisbursementRequested(Id, disbursementId, Decree!.Amount, today));

    public Decision RecordDisbursementFailure(Guid disbursementId, string reason, DateOnly today) =>
        Expect("a disbursement failure", ApplicationStatus.DisbursementRequested) is { } stage
            ? stage
            : OtherDisbursement(disbursementId) ?? Decision.Accept(new DisbursementFailed(Id, disbursementId, reason, today));

    /// <summary>An officer tries a failed disbursement again, under the same key.</summary>
    public Decision RetryDisbursement(DateOnly today) =>
        Expect("a retry of the disbursement", ApplicationStatus.DisbursementFailed) is { } stage
            ? stage
            : Decision.Accept(new DisbursementRetried(Id, Disbursement!.DisbursementId, Disbursement.Attempts + 1, today));

    /// <summary>
    /// The bank paid. Also after a recorded failure: a transfer that timed out may still have gone
    /// through, and the bank reports it under the same key.
    /// </summary>
    public Decision RecordDisbursement(Guid disbursementId, string transferReference, DateOnly disbursedOn)
    {
        if (Expect("a disbursement", ApplicationStatus.DisbursementRequested, ApplicationStatus.DisbursementFailed) is { } stage)
        {
            return stage;
        }

        return OtherDisbursement(disbursementId) ?? Decision.Accept(new DisbursementCompleted(
            Id, Disbursement!.Amount, disbursementId, transferReference, disbursedOn));
    }

    private DomainError? OtherDisbursement(Guid disbursementId) =>
        Disbursement?.DisbursementId == disbursementId
            ? null
            : DomainError.Conflict("unknown-disbursement", $"The application's disbursement is {Disbursement?.DisbursementId}, not {disbursementId}.");
}
