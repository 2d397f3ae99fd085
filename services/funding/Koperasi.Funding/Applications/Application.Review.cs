using Koperasi.Funding.Programmes;
using Koperasi.ServiceDefaults.Decisions;

namespace Koperasi.Funding.Applications;

// Documents check, field verification and the eligibility decision.
public sealed partial record Application
{
    /// <summary>An officer's own reason to find an application not eligible, beside the rules.</summary>
    public const string OfficerFinding = "officer-finding";

    public Decision CheckDocuments(bool complete, IReadOnlyList<string> missing, string? notes, DateOnly today)
    {
        if (Expect("a documents check", ApplicationStatus.Submitted) is { } stage)
        {
            return stage;
        }

        return !complete && missing.Count == 0
            ? DomainError.Unprocessable("missing-documents-unnamed", "An incomplete set names the documents that are missing.", "missing")
            : Decision.Accept(new DocumentsChecked(Id, today, complete, complete ? [] : missing, notes));
    }

    public Decision VerifyInField(FieldVisit visit, string verifiedBy, DateOnly today)
    {
        if (Expect("a field verification", ApplicationStatus.DocumentsChecked) is { } stage)
        {
            return stage;
        }

        return NotBetween(visit.VisitedOn, SubmittedOn, today, "visitedOn", "The field visit") is { } date
            ? date
            : Decision.Accept(new FieldVerified(Id, visit.VisitedOn, verifiedBy, visit.Findings, visit.BusinessFound, visit.KurDebtorFound, visit.PhotoReferences));
    }

    /// <summary>
    /// Eligible only when no rule refuses; not eligible with every failed rule and the officer's
    /// findings as reasons (at least one).
    /// </summary>
    public Decision DecideEligibility(bool eligible, IReadOnlyList<string> officerReasons, string? notes, Programme programme, IReadOnlyList<GrantHeld> grantsHeld, DateOnly today)
    {
        if (Expect("an eligibility decision", ApplicationStatus.FieldVerified) is { } stage)
        {
            return stage;
        }

        var failures = EligibilityFailures(programme, grantsHeld);
        if (eligible)
        {
            return failures.Count > 0
                ? DomainError.Unprocessable(
                    "eligibility-rules-refuse",
                    $"The rules refuse this application, so it cannot be declared eligible: {string.Join(" ", failures.Select(f => $"[{f.Rule}] {f.Detail}"))}",
                    "eligible")
                : Decision.Accept(new ApplicationFoundEligible(Id, today, notes));
        }

        IReadOnlyList<EligibilityFailure> reasons = [.. failures, .. officerReasons.Select(r => new EligibilityFailure(OfficerFinding, r))];
        return reasons.Count == 0
            ? DomainError.Unprocessable("reason-required", "No rule refuses this application: say why it is not eligible.", "reasons")
            : Decision.Accept(new ApplicationFoundNotEligible(Id, today, reasons, notes));
    }

    /// <summary>The rules the application fails now, with what the field visit found.</summary>
    public IReadOnlyList<EligibilityFailure> EligibilityFailures(Programme programme, IReadOnlyList<GrantHeld> grantsHeld) =>
        EligibilityCheck.Evaluate(
            programme,
            new EligibilityFacts(Category, Sex, BirthDate, Occupation, DeclaredKurDebtor, Field?.KurDebtorFound ?? false),
            [.. grantsHeld.Where(g => g.ApplicationId != Id)]);
}
