using Koperasi.Funding.Applications;
using static Koperasi.Funding.Tests.Domain.Given;

namespace Koperasi.Funding.Tests.Domain;

/// <summary>Disbursement, monitoring, closure and cancellation.</summary>
public class FlowTests
{
    private static readonly MonitoringReport Report = new(Today, true, 3_500_000, "Keripik pisang, 40 bungkus per hari", ["foto/m1.jpg"], null);

    [Fact]
    public void A_decreed_grant_is_requested_from_the_bank_for_its_amount_under_one_key()
    {
        var application = ApplicationAt(ApplicationStatus.Decreed, Opened());
        var key = Guid.NewGuid();
        var requested = Accepted(application.RequestDisbursement(key, Today)).ShouldHaveSingleItem().ShouldBeOfType<DisbursementRequested>();
        (requested.DisbursementId, requested.Amount).ShouldBe((key, application.Decree!.Amount));
        Rejected(ApplicationAt(ApplicationStatus.Eligible, Opened()).RequestDisbursement(key, Today)).Rule.ShouldBe(Application.WrongStage);
    }

    [Fact]
    public void A_failed_disbursement_is_visible_and_retried_under_the_same_key()
    {
        var application = ApplicationAt(ApplicationStatus.DisbursementRequested, Opened());
        var key = application.Disbursement!.DisbursementId;

        var failed = Application.Fold(application, Accepted(application.RecordDisbursementFailure(key, "Bank tidak menjawab", Today)).Single())!;
        failed.Status.ShouldBe(ApplicationStatus.DisbursementFailed);
        failed.Disbursement!.LastFailure.ShouldBe("Bank tidak menjawab");

        var retried = Accepted(failed.RetryDisbursement(Today)).ShouldHaveSingleItem().ShouldBeOfType<DisbursementRetried>();
        (retried.DisbursementId, retried.Attempt).ShouldBe((key, 2));
        Application.Fold(failed, retried)!.Status.ShouldBe(ApplicationStatus.DisbursementRequested);
    }

    [Fact]
    public void The_bank_s_late_success_after_a_recorded_failure_counts_and_another_key_does_not()
    {
        var application = ApplicationAt(ApplicationStatus.DisbursementRequested, Opened());
        var key = application.Disbursement!.DisbursementId;
        var failed = Application.Fold(application, Accepted(application.RecordDisbursementFailure(key, "Timeout", Today)).Single())!;

        Rejected(failed.RecordDisbursement(Guid.NewGuid(), "TRF-9", Today)).Rule.ShouldBe("unknown-disbursement");
        var disbursed = Accepted(failed.RecordDisbursement(key, "TRF-9", Today)).ShouldHaveSingleItem().ShouldBeOfType<DisbursementCompleted>();
        (disbursed.TransferReference, disbursed.Amount).ShouldBe(("TRF-9", application.Decree!.Amount));
    }

    [Fact]
    public void Only_a_failed_disbursement_is_retried_and_a_paid_one_takes_no_second_outcome()
    {
        var requested = ApplicationAt(ApplicationStatus.DisbursementRequested, Opened());
        var key = requested.Disbursement!.DisbursementId;
        Rejected(requested.RetryDisbursement(Today)).Rule.ShouldBe(Application.WrongStage);

        var paid = Application.Fold(requested, Accepted(requested.RecordDisbursement(key, "TRF-1", Today)).Single())!;

        Rejected(paid.RecordDisbursement(key, "TRF-1", Today)).Rule.ShouldBe(Application.WrongStage);
        Rejected(paid.RecordDisbursementFailure(key, "Timeout", Today)).Rule.ShouldBe(Application.WrongStage);
        Rejected(paid.RetryDisbursement(Today)).Rule.ShouldBe(Application.WrongStage);
    }

    [Fact]
    public void Monitoring_needs_a_disbursed_grant_and_counts_its_visits()
    {
        Rejected(ApplicationAt(ApplicationStatus.Decreed, Opened()).RecordVisit(Report, "pendamping", Today)).Rule.ShouldBe(Application.WrongStage);

        var disbursed = ApplicationAt(ApplicationStatus.Disbursed, Opened());
        var first = Accepted(disbursed.RecordVisit(Report, "pendamping", Today)).ShouldHaveSingleItem().ShouldBeOfType<MonitoringVisitRecorded>();
        var monitored = Application.Fold(disbursed, first)!;
        var second = Accepted(monitored.RecordVisit(Report, "pendamping", Today)).ShouldHaveSingleItem().ShouldBeOfType<MonitoringVisitRecorded>();

        (first.Number, second.Number, monitored.Status).ShouldBe((1, 2, ApplicationStatus.Monitored));
    }

    [Theory]
    [InlineData(2026, 3, 9)]
    [InlineData(2026, 3, 11)]
    public void A_visit_is_not_before_the_disbursement_nor_after_today(int year, int month, int day)
    {
        var disbursed = ApplicationAt(ApplicationStatus.Disbursed, Opened());
        Rejected(disbursed.RecordVisit(Report with { VisitedOn = D(year, month, day) }, "pendamping", Today)).Rule.ShouldBe("date-out-of-range");
    }

    [Fact]
    public void Only_a_monitored_grant_is_closed()
    {
        Rejected(ApplicationAt(ApplicationStatus.Disbursed, Opened()).Close(null, Today)).Rule.ShouldBe(Application.WrongStage);
        Accepted(ApplicationAt(ApplicationStatus.Monitored, Opened()).Close("Selesai", Today)).ShouldHaveSingleItem().ShouldBeOfType<ApplicationClosed>();
    }

    [Theory]
    [InlineData(ApplicationStatus.Submitted)]
    [InlineData(ApplicationStatus.DocumentsChecked)]
    [InlineData(ApplicationStatus.FieldVerified)]
    [InlineData(ApplicationStatus.Eligible)]
    public void An_application_is_cancelled_with_a_reason_before_its_decree(ApplicationStatus status)
    {
        var cancelled = Accepted(ApplicationAt(status, Opened()).Cancel("Pemohon mengundurkan diri", Today)).ShouldHaveSingleItem().ShouldBeOfType<ApplicationCancelled>();
        (cancelled.Reason, cancelled.Withdrawn).ShouldBe(("Pemohon mengundurkan diri", null));
    }

    [Fact]
    public void Cancelling_a_decreed_grant_withdraws_it()
    {
        var application = ApplicationAt(ApplicationStatus.Decreed, Opened());
        var cancelled = Accepted(application.Cancel("Meninggal dunia", Today)).ShouldHaveSingleItem().ShouldBeOfType<ApplicationCancelled>();
        cancelled.Withdrawn.ShouldNotBeNull().Amount.ShouldBe(application.Decree!.Amount);
        Application.Fold(application, cancelled)!.HoldsGrant.ShouldBeFalse();
    }

    [Theory]
    [InlineData(ApplicationStatus.DisbursementRequested)]
    [InlineData(ApplicationStatus.Disbursed)]
    [InlineData(ApplicationStatus.Monitored)]
    public void Once_the_money_may_have_moved_nothing_is_cancelled(ApplicationStatus status) =>
        Rejected(ApplicationAt(status, Opened()).Cancel("Terlambat", Today)).Rule.ShouldBe(Application.WrongStage);

    [Fact]
    public void A_not_eligible_or_cancelled_application_stays_as_it_is()
    {
        var programme = Opened();
        var application = ApplicationAt(ApplicationStatus.FieldVerified, programme);
        var notEligible = Application.Fold(application, Accepted(application.DecideEligibility(false, ["Tidak ada usaha"], null, programme, [], Today)).Single())!;
        Rejected(notEligible.Cancel("x", Today)).Rule.ShouldBe(Application.WrongStage);

        var cancelled = Application.Fold(application, Accepted(application.Cancel("x", Today)).Single())!;
        Rejected(cancelled.Cancel("x", Today)).Rule.ShouldBe(Application.WrongStage);
        Rejected(cancelled.DecideEligibility(true, [], null, programme, [], Today)).Rule.ShouldBe(Application.WrongStage);
    }
}
