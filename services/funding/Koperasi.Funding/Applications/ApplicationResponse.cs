using Koperasi.Funding.Applicants;
using Koperasi.ServiceDefaults.Regions;

namespace Koperasi.Funding.Applications;

/// <summary>
/// An application as the API shows it (<see cref="ApplicantDisclosure"/>): never the birth date, the
/// age on the programme's reference date instead; the applicant named to the officers who work it
/// (name, NIK masked), by pseudonym to everyone else. Once the applicant is erased, the sex, the age,
/// the NIB and every free text (business description, notes, findings, photos, reasons typed by
/// officers) are gone from the view too; the clear record always needs a reveal.
/// </summary>
public sealed record ApplicationResponse(
    Guid Id,
    long Version,
    ApplicationStatus Status,
    Guid ProgrammeId,
    int ProgrammeYear,
    string Category,
    ApplicantView Applicant,
    Sex? Sex,
    int? Age,
    string RegencyCode,
    string RegencyName,
    string Kecamatan,
    Occupation Occupation,
    bool DeclaredKurDebtor,
    string? Nib,
    string? BusinessDescription,
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
    /// <summary>The view of <paramref name="a"/>; <paramref name="card"/> null means the applicant was erased.</summary>
    /// <param name="a">The application.</param>
    /// <param name="card">The applicant's display card, null once erased.</param>
    /// <param name="referenceDate">The programme's reference date, on which the age is counted.</param>
    /// <param name="identified">Whether the caller sees the name and masked NIK (<see cref="ApplicantDisclosure.Identifies"/>).</param>
    public static ApplicationResponse From(Application a, ApplicantCard? card, DateOnly? referenceDate, bool identified)
    {
        var applicant = ApplicantView.Of(a.ApplicantId, card, identified);
        var shown = applicant.Erased ? WithoutFreeText(a) : a;
        return new(
            a.Id, a.Version, a.Status, a.ProgrammeId, a.ProgrammeYear, a.Category, applicant,
            applicant.Erased ? null : a.Sex,
            applicant.Erased || referenceDate is not { } day ? null : EligibilityCheck.AgeOn(a.BirthDate, day),
            a.RegencyCode, Regencies.NameOf(a.RegencyCode), a.Kecamatan, a.Occupation, a.DeclaredKurDebtor,
            applicant.Erased ? null : a.Nib,
            applicant.Erased ? null : a.BusinessDescription,
            a.CooperativeId, a.SubmittedOn, shown.DocumentChecks, shown.Field, shown.Eligibility, a.Decree, a.Disbursement, shown.Visits,
            shown.Cancellation, shown.Closure);
    }

    /// <summary>The application with what officers typed or attached about the person removed; the dates, outcomes and amounts stay.</summary>
    private static Application WithoutFreeText(Application a) => a with
    {
        DocumentChecks = [.. a.DocumentChecks.Select(c => c with { Missing = [], Notes = null })],
        Field = a.Field is { } field ? field with { Findings = null, PhotoReferences = [] } : null,
        Eligibility = a.Eligibility is { } eligibility ? eligibility with { Reasons = [.. eligibility.Reasons.Select(WithoutOfficerText)], Notes = null } : null,
        Visits = [.. a.Visits.Select(visit => visit with { Production = null, Notes = null, PhotoReferences = [] })],
        Cancellation = a.Cancellation is { } cancellation ? cancellation with { Reason = null } : null,
        Closure = a.Closure is { } closure ? closure with { Notes = null } : null,
    };

    /// <summary>An officer's own finding keeps its rule name and loses its text; the rules' own texts say nothing of the person.</summary>
    private static EligibilityFailure WithoutOfficerText(EligibilityFailure reason) =>
        reason.Rule == Application.OfficerFinding ? reason with { Detail = "" } : reason;
}

/// <summary>
/// The applicant as screens show it: the pseudonym always; the masked NIK and the name only to the
/// officers who work the application; neither once erased.
/// </summary>
public sealed record ApplicantView(Guid Id, string? MaskedNik, string? Name, bool Erased)
{
    public static ApplicantView Of(Guid applicantId, ApplicantCard? card, bool identified) => card switch
    {
        null => new(applicantId, null, null, true),
        _ when !identified => new(applicantId, null, null, false),
        _ => new(applicantId, card.MaskedNik, card.Name, false),
    };
}
