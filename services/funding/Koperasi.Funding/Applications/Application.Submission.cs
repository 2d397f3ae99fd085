using Koperasi.Funding.Programmes;
using Koperasi.ServiceDefaults.Decisions;

namespace Koperasi.Funding.Applications;

// Submitting an application.
public sealed partial record Application
{
    /// <param name="command">The submission.</param>
    /// <param name="programme">The programme applied to.</param>
    /// <param name="alreadyApplied">Whether the same NIK has an application in this programme that was not cancelled.</param>
    /// <param name="grantsHeld">The grants the same NIK holds in any programme.</param>
    /// <param name="today">Jambi's date, the day of the application.</param>
    /// <param name="minimumAge">How old an applicant is at least on the day of the application (<see cref="ApplicantAge"/>).</param>
    public static Decision Submit(
        SubmitApplicationCommand command, Programme programme, bool alreadyApplied, IReadOnlyList<GrantHeld> grantsHeld, DateOnly today, int minimumAge = ApplicantAge.KtpAge)
    {
        if (programme.Category(command.Category) is not { Open: true })
        {
            return DomainError.Unprocessable(
                "category-not-open",
                $"Programme {programme.Year} takes no applications in category '{command.Category}'; open categories: {string.Join(", ", programme.Categories.Where(c => c.Open).Select(c => c.Code))}.",
                "category");
        }

        if (!programme.Window.Contains(today))
        {
            return DomainError.Unprocessable(
                "application-window-closed",
                $"Programme {programme.Year} takes applications from {programme.Window.Opens:yyyy-MM-dd} to {programme.Window.Closes:yyyy-MM-dd}.",
                "programmeId");
        }

        if (NikStructure.Disagreement(command.Nik, command.BirthDate, command.Sex) is { } disagreement)
        {
            return disagreement;
        }

        if (CheckAge(command.BirthDate, today, minimumAge) is { } tooYoung)
        {
            return tooYoung;
        }

        if (alreadyApplied)
        {
            return DomainError.Conflict(
                "application-already-submitted", $"This NIK already has an application in programme {programme.Year}.", "nik");
        }

        var failures = EligibilityCheck.Evaluate(programme, FactsOf(command), grantsHeld);
        if (failures.Count > 0)
        {
            return NotEligible(failures);
        }

        return Decision.Accept(new ApplicationSubmitted(
            command.ApplicationId, command.ApplicantId, programme.Id, programme.Year, command.Category, command.Sex, command.BirthDate,
            command.RegencyCode, command.Kecamatan, command.Occupation, command.DeclaredKurDebtor, command.Nib, command.BusinessDescription,
            command.CooperativeId, today));
    }

    /// <summary>Someone born after the application, or younger than the age for a KTP on its day, cannot apply.</summary>
    private static DomainError? CheckAge(DateOnly birthDate, DateOnly applicationDate, int minimumAge)
    {
        if (birthDate > applicationDate)
        {
            return DomainError.Unprocessable(
                "birth-date-after-application",
                $"The birth date {birthDate:yyyy-MM-dd} is after the day of the application, {applicationDate:yyyy-MM-dd}.",
                "birthDate");
        }

        var age = EligibilityCheck.AgeOn(birthDate, applicationDate);
        return age < minimumAge
            ? DomainError.Unprocessable(
                "applicant-under-age",
                $"An applicant is at least {minimumAge} (the age for a KTP) on the day of the application, {applicationDate:yyyy-MM-dd}; born {birthDate:yyyy-MM-dd}, the applicant is {age}.",
                "birthDate")
            : null;
    }

    /// <summary>The eligibility facts of a submission (nothing is found in the field yet).</summary>
    public static EligibilityFacts FactsOf(SubmitApplicationCommand command) =>
        new(command.Category, command.Sex, command.BirthDate, command.Occupation, command.DeclaredKurDebtor, KurDebtorFound: false);

    /// <summary>A refusal naming every failed rule; the answer lists them one by one.</summary>
    public static DomainError NotEligible(IReadOnlyList<EligibilityFailure> failures) => DomainError.Unprocessable(
        EligibilityCheck.NotEligible,
        $"The applicant is not eligible: {string.Join(" ", failures.Select(f => $"[{f.Rule}] {f.Detail}"))}");
}
