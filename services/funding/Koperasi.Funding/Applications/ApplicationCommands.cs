namespace Koperasi.Funding.Applications;

/// <summary>
/// A submission as the domain sees it: validated, the regency normalized, the applicant known by
/// a pseudonym. Of the NIK only what it says (day and month of birth, sex) comes along.
/// </summary>
public sealed record SubmitApplicationCommand(
    Guid ApplicationId,
    Guid ApplicantId,
    NikStructure.Parts Nik,
    Guid ProgrammeId,
    string Category,
    Sex Sex,
    DateOnly BirthDate,
    string RegencyCode,
    string Kecamatan,
    Occupation Occupation,
    bool DeclaredKurDebtor,
    string? Nib,
    string BusinessDescription,
    Guid? CooperativeId);

/// <summary>What a pendamping records at the field verification.</summary>
public sealed record FieldVisit(DateOnly VisitedOn, string Findings, bool BusinessFound, bool KurDebtorFound, IReadOnlyList<string> PhotoReferences);

/// <summary>What a pendamping records at a monitoring visit.</summary>
public sealed record MonitoringReport(
    DateOnly VisitedOn, bool FundsUsedAsPlanned, decimal? MonthlyRevenue, string? Production, IReadOnlyList<string> PhotoReferences, string? Notes);

/// <summary>A decree granting an application, as its batch gives it.</summary>
public sealed record DecreeTerms(Guid BatchId, string DecreeNumber, DateOnly DecreeDate, decimal Amount);
