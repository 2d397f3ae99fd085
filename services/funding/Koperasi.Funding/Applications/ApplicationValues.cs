namespace Koperasi.Funding.Applications;

/// <summary>Sex as on the KTP; a woman's NIK has 40 added to the day of birth.</summary>
public enum Sex
{
    Female,
    Male,
}

/// <summary>The applicant's occupation; some exclude a grant when the programme says so.</summary>
public enum Occupation
{
    /// <summary>Pegawai negeri sipil (ASN).</summary>
    CivilServant,

    /// <summary>TNI.</summary>
    Soldier,

    /// <summary>Polri.</summary>
    PoliceOfficer,

    /// <summary>Pegawai BUMN/BUMD.</summary>
    StateCompanyEmployee,

    PrivateEmployee,
    SelfEmployed,
    Trader,
    Farmer,
    Fisher,
    Homemaker,
    Student,
    Unemployed,
    Other,
}

/// <summary>Where an application stands in its flow.</summary>
public enum ApplicationStatus
{
    Submitted,
    DocumentsChecked,
    FieldVerified,
    Eligible,
    NotEligible,
    Decreed,
    DisbursementRequested,
    DisbursementFailed,
    Disbursed,
    Monitored,
    Closed,
    Cancelled,
}

/// <summary>A rule an application fails, by its stable name, with what an officer reads.</summary>
public sealed record EligibilityFailure(string Rule, string Detail);

/// <summary>The documents check of a verifikator.</summary>
public sealed record DocumentsCheck(DateOnly CheckedOn, bool Complete, IReadOnlyList<string> Missing, string? Notes);

/// <summary>What a pendamping found at the applicant's business (the findings are null in a view once the applicant is erased).</summary>
public sealed record FieldVerification(
    DateOnly VisitedOn, string VerifiedBy, string? Findings, bool BusinessFound, bool KurDebtorFound, IReadOnlyList<string> PhotoReferences);

/// <summary>The eligibility decision and its reasons.</summary>
public sealed record EligibilityDecision(DateOnly DecidedOn, bool Eligible, IReadOnlyList<EligibilityFailure> Reasons, string? Notes);

/// <summary>The decree that granted the application.</summary>
public sealed record DecreeRecord(Guid BatchId, string DecreeNumber, DateOnly DecreeDate, decimal Amount);

/// <summary>The payment of the grant through the bank: one idempotency key for every attempt.</summary>
public sealed record DisbursementRecord(
    Guid DisbursementId,
    decimal Amount,
    DateOnly RequestedOn,
    int Attempts,
    string? LastFailure,
    DateOnly? DisbursedOn,
    string? TransferReference);

/// <summary>A pendamping's monitoring visit after disbursement.</summary>
public sealed record MonitoringVisit(
    int Number,
    DateOnly VisitedOn,
    string VisitedBy,
    bool FundsUsedAsPlanned,
    decimal? MonthlyRevenue,
    string? Production,
    IReadOnlyList<string> PhotoReferences,
    string? Notes);

/// <summary>Why and when an application ended before disbursement (the reason is null in a view once the applicant is erased).</summary>
public sealed record CancellationRecord(DateOnly CancelledOn, string? Reason);

/// <summary>When the grant's follow-up ended.</summary>
public sealed record ClosureRecord(DateOnly ClosedOn, string? Notes);
