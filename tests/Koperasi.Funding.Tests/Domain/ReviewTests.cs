using Koperasi.Funding.Applications;
using Koperasi.Funding.Programmes;
using Koperasi.ServiceDefaults.Decisions;
using static Koperasi.Funding.Tests.Domain.Given;

namespace Koperasi.Funding.Tests.Domain;

public class ReviewTests
{
    private static readonly FieldVisit Visit = new(Today, "Usaha keripik berjalan", true, false, ["foto/a.jpg"]);

    [Fact]
    public void A_complete_set_of_documents_moves_the_application_on()
    {
        var application = ApplicationAt(ApplicationStatus.Submitted, Opened());
        var checkedEvent = Accepted(application.CheckDocuments(true, ["ignored"], null, Today)).ShouldHaveSingleItem().ShouldBeOfType<DocumentsChecked>();
        checkedEvent.Missing.ShouldBeEmpty();
        Application.Fold(application, checkedEvent)!.Status.ShouldBe(ApplicationStatus.DocumentsChecked);
    }

    [Fact]
    public void An_incomplete_set_is_recorded_with_what_is_missing_and_the_application_waits()
    {
        var application = ApplicationAt(ApplicationStatus.Submitted, Opened());
        var incomplete = Accepted(application.CheckDocuments(false, ["Surat keterangan usaha"], "Menyusul", Today)).Single();

        var after = Application.Fold(application, incomplete)!;

        after.Status.ShouldBe(ApplicationStatus.Submitted);
        after.DocumentChecks.ShouldHaveSingleItem().Missing.ShouldBe(["Surat keterangan usaha"]);
        Rejected(application.CheckDocuments(false, [], null, Today)).Rule.ShouldBe("missing-documents-unnamed");
    }

    [Fact]
    public void Field_verification_comes_after_the_documents_check()
    {
        var submitted = ApplicationAt(ApplicationStatus.Submitted, Opened());
        var error = Rejected(submitted.VerifyInField(Visit, "pendamping", Today));
        (error.Rule, error.Kind).ShouldBe((Application.WrongStage, DomainErrorKind.Conflict));

        var verified = Accepted(ApplicationAt(ApplicationStatus.DocumentsChecked, Opened()).VerifyInField(Visit, "pendamping", Today))
            .ShouldHaveSingleItem().ShouldBeOfType<FieldVerified>();
        (verified.VerifiedBy, verified.PhotoReferences.Count).ShouldBe(("pendamping", 1));
    }

    [Theory]
    [InlineData(2026, 3, 9)]
    [InlineData(2026, 3, 11)]
    public void The_field_visit_is_not_before_the_submission_nor_after_today(int year, int month, int day)
    {
        var application = ApplicationAt(ApplicationStatus.DocumentsChecked, Opened());
        Rejected(application.VerifyInField(Visit with { VisitedOn = D(year, month, day) }, "pendamping", Today)).Rule.ShouldBe("date-out-of-range");
    }

    [Fact]
    public void An_application_no_rule_refuses_is_found_eligible()
    {
        var programme = Opened();
        var application = ApplicationAt(ApplicationStatus.FieldVerified, programme);
        Accepted(application.DecideEligibility(true, [], "Layak", programme, [], Today)).ShouldHaveSingleItem().ShouldBeOfType<ApplicationFoundEligible>();
    }

    [Fact]
    public void An_officer_cannot_declare_eligible_what_a_rule_refuses()
    {
        var programme = Opened();
        var application = KurFoundInField(programme);

        var error = Rejected(application.DecideEligibility(true, [], null, programme, [], Today));

        error.Rule.ShouldBe("eligibility-rules-refuse");
        application.EligibilityFailures(programme, []).Select(f => f.Rule).ShouldBe(["kur-debtor"]);
    }

    [Fact]
    public void Not_eligible_records_every_failed_rule_and_the_officer_s_findings()
    {
        var programme = Opened();
        var application = KurFoundInField(programme);

        var decided = Accepted(application.DecideEligibility(false, ["Usaha tidak ditemukan di alamat"], null, programme, [], Today))
            .ShouldHaveSingleItem().ShouldBeOfType<ApplicationFoundNotEligible>();

        decided.Reasons.Select(r => r.Rule).ShouldBe(["kur-debtor", Application.OfficerFinding]);
    }

    [Fact]
    public void Not_eligible_without_a_failed_rule_needs_the_officer_s_reason()
    {
        var programme = Opened();
        var application = ApplicationAt(ApplicationStatus.FieldVerified, programme);
        Rejected(application.DecideEligibility(false, [], null, programme, [], Today)).Rule.ShouldBe("reason-required");
    }

    [Fact]
    public void The_rules_are_applied_as_the_programme_has_them_when_deciding()
    {
        var lenient = Opened(Opening(rules: NoRules));
        var application = ApplicationAt(ApplicationStatus.FieldVerified, lenient, Submission(lenient, occupation: Occupation.CivilServant));
        var strict = Programme.Fold(lenient, new ProgrammeEligibilityChanged(lenient.Id, DefaultRules))!;

        Rejected(application.DecideEligibility(true, [], null, strict, [], Today)).Rule.ShouldBe("eligibility-rules-refuse");
        Accepted(application.DecideEligibility(true, [], null, lenient, [], Today)).ShouldHaveSingleItem();
    }

    [Fact]
    public void A_grant_decreed_meanwhile_to_the_same_NIK_refuses_eligibility()
    {
        var programme = Opened();
        var application = ApplicationAt(ApplicationStatus.FieldVerified, programme);
        var other = new GrantHeld(Guid.NewGuid(), programme.Id, 2026);
        Rejected(application.DecideEligibility(true, [], null, programme, [other], Today)).Rule.ShouldBe("eligibility-rules-refuse");
    }

    [Fact]
    public void Eligibility_is_decided_once_after_the_field_verification()
    {
        var programme = Opened();
        Rejected(ApplicationAt(ApplicationStatus.DocumentsChecked, programme).DecideEligibility(true, [], null, programme, [], Today)).Rule.ShouldBe(Application.WrongStage);
        Rejected(ApplicationAt(ApplicationStatus.Eligible, programme).DecideEligibility(true, [], null, programme, [], Today)).Rule.ShouldBe(Application.WrongStage);
    }

    private static Application KurFoundInField(Programme programme)
    {
        var application = ApplicationAt(ApplicationStatus.DocumentsChecked, programme);
        var found = Accepted(application.VerifyInField(Visit with { KurDebtorFound = true }, "pendamping", Today)).Single();
        return Application.Fold(application, found)!;
    }
}
