namespace Koperasi.Funding.Applications;

/// <summary>
/// An application for a Dumisake grant, from submission to closure: the state its stream folds
/// to, and its decisions (pure: state, command and today in; events or a broken rule out).
/// </summary>
public sealed partial record Application
{
    public Guid Id { get; init; }

    /// <summary>Version of the stream this state was folded from.</summary>
    public long Version { get; set; }

    /// <summary>The applicant's pseudonym: the key of the record in the personal-data vault.</summary>
    public Guid ApplicantId { get; init; }

    public Guid ProgrammeId { get; init; }
    public int ProgrammeYear { get; init; }
    public required string Category { get; init; }
    public Sex Sex { get; init; }
    public DateOnly BirthDate { get; init; }
    public required string RegencyCode { get; init; }
    public required string Kecamatan { get; init; }
    public Occupation Occupation { get; init; }
    public bool DeclaredKurDebtor { get; init; }
    public string? Nib { get; init; }
    public required string BusinessDescription { get; init; }
    public Guid? CooperativeId { get; init; }
    public DateOnly SubmittedOn { get; init; }
    public ApplicationStatus Status { get; init; }
    public IReadOnlyList<DocumentsCheck> DocumentChecks { get; init; } = [];
    public FieldVerification? Field { get; init; }
    public EligibilityDecision? Eligibility { get; init; }
    public DecreeRecord? Decree { get; init; }
    public DisbursementRecord? Disbursement { get; init; }
    public IReadOnlyList<MonitoringVisit> Visits { get; init; } = [];
    public CancellationRecord? Cancellation { get; init; }
    public ClosureRecord? Closure { get; init; }

    /// <summary>Whether the application holds a decreed grant that is not withdrawn (it counts against budget and quota).</summary>
    public bool HoldsGrant => Decree is not null && Status != ApplicationStatus.Cancelled;

    /// <summary>The fold: state after one more event. Used by Marten and by the tests alike.</summary>
    public static Application? Fold(Application? state, object @event) => (state, @event) switch
    {
        (null, ApplicationSubmitted submitted) => Submitted(submitted),
        (null, _) => null,
        ({ } current, DocumentsChecked e) => current with
        {
            DocumentChecks = [.. current.DocumentChecks, new DocumentsCheck(e.CheckedOn, e.Complete, e.Missing, e.Notes)],
            Status = e.Complete ? ApplicationStatus.DocumentsChecked : current.Status,
        },
        ({ } current, FieldVerified e) => current with
        {
            Field = new FieldVerification(e.VisitedOn, e.VerifiedBy, e.Findings, e.BusinessFound, e.KurDebtorFound, e.PhotoReferences),
            Status = ApplicationStatus.FieldVerified,
        },
        ({ } current, ApplicationFoundEligible e) => current with
        {
            Eligibility = new EligibilityDecision(e.DecidedOn, true, [], e.Notes),
            Status = ApplicationStatus.Eligible,
        },
        ({ } current, ApplicationFoundNotEligible e) => current with
        {
            Eligibility = new EligibilityDecision(e.DecidedOn, false, e.Reasons, e.Notes),
            Status = ApplicationStatus.NotEligible,
        },
        ({ } current, GrantAwarded e) => current with
        {
            Decree = new DecreeRecord(e.BatchId, e.DecreeNumber, e.DecreeDate, e.Amount),
            Status = ApplicationStatus.Decreed,
        },
        ({ } current, DisbursementRequested e) => current with
        {
            Disbursement = new DisbursementRecord(e.DisbursementId, e.Amount, e.RequestedOn, 1, null, null, null),
            Status = ApplicationStatus.DisbursementRequested,
        },
        ({ } current, DisbursementFailed e) => current with
        {
            Disbursement = current.Disbursement! with { LastFailure = e.Reason },
            Status = ApplicationStatus.DisbursementFailed,
        },
        ({ } current, DisbursementRetried e) => current with
        {
            Disbursement = current.Disbursement! with { Attempts = e.Attempt },
            Status = ApplicationStatus.DisbursementRequested,
        },
        ({ } current, DisbursementCompleted e) => current with
        {
            Disbursement = current.Disbursement! with { DisbursedOn = e.DisbursedOn, TransferReference = e.TransferReference },
            Status = ApplicationStatus.Disbursed,
        },
        ({ } current, MonitoringVisitRecorded e) => current with
        {
            Visits = [.. current.Visits, new MonitoringVisit(e.Number, e.VisitedOn, e.VisitedBy, e.FundsUsedAsPlanned, e.MonthlyRevenue, e.Production, e.PhotoReferences, e.Notes)],
            Status = ApplicationStatus.Monitored,
        },
        ({ } current, ApplicationClosed e) => current with { Closure = new ClosureRecord(e.ClosedOn, e.Notes), Status = ApplicationStatus.Closed },
        ({ } current, ApplicationCancelled e) => current with { Cancellation = new CancellationRecord(e.CancelledOn, e.Reason), Status = ApplicationStatus.Cancelled },
        ({ } current, _) => current,
    };

    private static Application Submitted(ApplicationSubmitted e) => new()
    {
        Id = e.ApplicationId,
        ApplicantId = e.ApplicantId,
        ProgrammeId = e.ProgrammeId,
        ProgrammeYear = e.ProgrammeYear,
        Category = e.Category,
        Sex = e.Sex,
        BirthDate = e.BirthDate,
        RegencyCode = e.RegencyCode,
        Kecamatan = e.Kecamatan,
        Occupation = e.Occupation,
        DeclaredKurDebtor = e.DeclaredKurDebtor,
        Nib = e.Nib,
        BusinessDescription = e.BusinessDescription,
        CooperativeId = e.CooperativeId,
        SubmittedOn = e.SubmittedOn,
        Status = ApplicationStatus.Submitted,
    };
}
