using Koperasi.Funding.Applicants;
using Koperasi.ServiceDefaults.Regions;

namespace Koperasi.Funding.Applications;

/// <summary>An application as the API shows it. The applicant appears with the NIK masked; the clear record needs a reveal.</summary>
public sealed record ApplicationResponse(
    Guid Id,
    long Version,
    ApplicationStatus Status,
    Guid ProgrammeId,
    int ProgrammeYear,
    string Category,
    ApplicantView Applicant,
    Sex Sex,
    DateOnly BirthDate,
    string RegencyCode,
    string RegencyName,
    string Kecamatan,
    Occupation Occupation,
    bool DeclaredKurDebtor,
    string? Nib,
    string BusinessDescription,
    Guid? CooperativeId,
    DateOnly SubmittedOn,
    IReadOnlyList<DocumentsCheck> DocumentChecks,
    FieldVerification? FieldVerification,
    EligibilityDecision? Eligibility,
    DecreeRecord? Decree,
    DisbursementRecord? Disbursement,
    IReadOnlyList<MonitoringVisit> Visits,
    CancellationRecord? Cancellation,
    ClosureRecord? Closure)
{
    public static ApplicationResponse From(Application a, ApplicantCard? card) => new(
        a.Id, a.Version, a.Status, a.ProgrammeId, a.ProgrammeYear, a.Category, ApplicantView.Of(a.ApplicantId, card), a.Sex, a.BirthDate,
        a.RegencyCode, Regencies.NameOf(a.RegencyCode), a.Kecamatan, a.Occupation, a.DeclaredKurDebtor, a.Nib, a.BusinessDescription,
        a.CooperativeId, a.SubmittedOn, a.DocumentChecks, a.Field, a.Eligibility, a.Decree, a.Disbursement, a.Visits, a.Cancellation, a.Closure);
}

/// <summary>The applicant as screens show it: pseudonym, masked NIK and name; both gone once erased.</summary>
public sealed record ApplicantView(Guid Id, string? MaskedNik, string? Name, bool Erased)
{
    public static ApplicantView Of(Guid applicantId, ApplicantCard? card) =>
        card is null ? new(applicantId, null, null, true) : new(applicantId, card.MaskedNik, card.Name, false);
}
