using Koperasi.Transformation.Dissolutions;
using static Koperasi.Transformation.Tests.Domain.Dissolutions.GivenDissolution;

namespace Koperasi.Transformation.Tests.Domain.Dissolutions;

public class GovernmentPathTests
{
    [Fact]
    public void The_field_verification_keeps_the_village_letter()
    {
        var state = State(Verified(Coop()));

        (state.Stage, state.VillageLetter, state.VerifiedOn).ShouldBe((DissolutionStage.Verified, Letter, VerifiedOn));
    }

    [Theory]
    [InlineData("", "Talang Bakung", "letter.number")]
    [InlineData("140/27/PEM/2025", " ", "letter.desa")]
    public void The_village_letter_gives_its_number_and_desa(string number, string desa, string field)
    {
        var error = Rejected(State(ProposedByGovernment(Coop())).VerifyInField(new VillageLetter(number, Letter.Date, desa), VerifiedOn, Today));

        (error.Rule, error.Field).ShouldBe(("village-letter-incomplete", field));
    }

    [Fact]
    public void The_letter_backs_a_verification_dated_between_the_proposal_and_today()
    {
        var state = State(ProposedByGovernment(Coop()));

        Rejected(state.VerifyInField(Letter with { Date = VerifiedOn.AddDays(1) }, VerifiedOn, Today)).Rule.ShouldBe("village-letter-after-verification");
        Rejected(state.VerifyInField(Letter with { Date = new DateOnly(2025, 5, 1) }, GovernmentProposedOn.AddDays(-1), Today)).Rule.ShouldBe("verification-date-out-of-range");
    }

    [Fact]
    public void The_announcement_follows_the_verification()
    {
        var known = Coop();

        Rejected(State(ProposedByGovernment(known)).Announce(AnnouncedOn, Today)).Rule.ShouldBe("step-out-of-order");
        Rejected(State(Verified(known)).Announce(VerifiedOn.AddDays(-1), Today)).Rule.ShouldBe("announcement-date-out-of-range");
        State(Announced(known)).Stage.ShouldBe(DissolutionStage.Announced);
    }

    [Fact]
    public void The_proposal_goes_to_the_ministry_after_three_months_of_announcement()
    {
        var state = State(Announced(Coop()));

        var early = state.ReadyForMinistry(AnnouncedOn.AddMonths(3).AddDays(-1), Options)!;
        early.Rule.ShouldBe("announcement-not-over");
        early.Detail.ShouldContain("until 2025-10-01");
        state.ReadyForMinistry(AnnouncedOn.AddMonths(3), Options).ShouldBeNull();
        state.ReadyForMinistry(AnnouncedOn.AddMonths(1), Options with { AnnouncementMonths = 1 }).ShouldBeNull();
    }

    [Fact]
    public void A_revived_koperasi_is_flagged_once_and_is_not_proposed_to_the_ministry()
    {
        var known = Coop();
        var history = Then(Announced(known), c => c.MarkRevived(new DateOnly(2025, 8, 15)));

        var state = State(history);
        (state.IsRevived, state.RevivedOn).ShouldBe((true, new DateOnly(2025, 8, 15)));
        Accepted(state.MarkRevived(new DateOnly(2025, 9, 1))).ShouldBeEmpty();
        state.ReadyForMinistry(SentOn, Options)!.Rule.ShouldBe("cooperative-revived");
        State(Then(history, c => c.Withdraw("Koperasi aktif kembali: RAT 2024 diselenggarakan.", new DateOnly(2025, 9, 1), Today))).Stage.ShouldBe(DissolutionStage.Withdrawn);
    }

    [Fact]
    public void Sending_the_same_batch_again_changes_nothing()
    {
        var state = State(SentToMinistry(Coop()));

        (state.Stage, state.BatchId, state.SentToMinistryOn).ShouldBe((DissolutionStage.ProposedToMinistry, BatchId, SentOn));
        Accepted(state.SentToMinistry(BatchId, SentOn, Options)).ShouldBeEmpty();
    }

    [Fact]
    public void The_ministrys_notice_has_a_number_and_follows_the_proposal()
    {
        var state = State(SentToMinistry(Coop()));

        Rejected(state.RecordNotice(Notice with { Number = "" }, Today)).Rule.ShouldBe("notice-number-required");
        Rejected(state.RecordNotice(Notice with { Date = SentOn.AddDays(-1) }, Today)).Rule.ShouldBe("notice-date-out-of-range");
    }

    [Theory]
    [InlineData("2026-01-03", true)]
    [InlineData("2026-01-04", false)]
    public void The_koperasi_may_object_within_two_months_of_the_notice(string filedOn, bool accepted)
    {
        var decision = State(NoticeIssued(Coop())).FileObjection(DateOnly.Parse(filedOn, System.Globalization.CultureInfo.InvariantCulture), "RAT 2024 telah diselenggarakan", Today, Options);

        (decision.Error?.Rule).ShouldBe(accepted ? null : "objection-period-over");
    }

    [Fact]
    public void An_upheld_objection_ends_the_case_without_dissolving()
    {
        var history = Then(NoticeIssued(Coop()), c => c.FileObjection(new DateOnly(2025, 12, 1), "RAT 2024 telah diselenggarakan", Today, Options));

        var events = Accepted(State(history).DecideObjection(new DateOnly(2025, 12, 20), upheld: true, Today));

        events[1].ShouldBeOfType<DissolutionRejected>().Rule.ShouldBe("objection-upheld");
        State([.. history, .. events]).Stage.ShouldBe(DissolutionStage.Rejected);
    }

    [Fact]
    public void A_dismissed_objection_lets_the_ministry_decide_and_no_second_objection_comes()
    {
        var known = Coop();
        var history = Then(NoticeIssued(known), c => c.FileObjection(new DateOnly(2025, 12, 1), "Masih ada kegiatan usaha", Today, Options));
        Rejected(State(history).ApplyMinistryAnswer(BatchId, Approval(known, new DateOnly(2025, 12, 15)), Options)).Rule.ShouldBe("objection-pending");
        Rejected(State(history).DecideObjection(new DateOnly(2025, 11, 30), upheld: false, Today)).Rule.ShouldBe("objection-decision-date-out-of-range");

        history = Then(history, c => c.DecideObjection(new DateOnly(2025, 12, 10), upheld: false, Today));

        State(history).Stage.ShouldBe(DissolutionStage.NoticeIssued);
        Rejected(State(history).FileObjection(new DateOnly(2025, 12, 12), "Lagi", Today, Options)).Rule.ShouldBe("objection-already-decided");
        // Decided against the koperasi, the objection no longer holds the decree back to the end of the period.
        Accepted(State(history).ApplyMinistryAnswer(BatchId, Approval(known, new DateOnly(2025, 12, 15)), Options)).Single().ShouldBeOfType<DissolutionDecided>();
    }

    [Fact]
    public void The_ministrys_approval_decides_with_its_decree()
    {
        var known = Coop();

        var state = State(DecidedByMinistry(known));

        state.Stage.ShouldBe(DissolutionStage.Decided);
        state.Decided.ShouldBe(new DissolutionDecision(DecreeDate, "012/KEP/M.KUKM.2/I/2026"));
    }

    [Fact]
    public void An_approval_needs_the_notice_and_the_objection_period_over()
    {
        var known = Coop();

        Rejected(State(SentToMinistry(known)).ApplyMinistryAnswer(BatchId, Approval(known), Options)).Rule.ShouldBe("ministry-notice-missing");
        var error = Rejected(State(NoticeIssued(known)).ApplyMinistryAnswer(BatchId, Approval(known, new DateOnly(2026, 1, 3)), Options));
        (error.Rule, error.Field).ShouldBe(("objection-period-not-over", "decreeDate"));
    }

    [Fact]
    public void An_answer_applies_to_the_batch_the_case_was_last_sent_in_and_names_what_its_kind_needs()
    {
        var known = Coop();
        var state = State(NoticeIssued(known));

        Rejected(state.ApplyMinistryAnswer(Guid.NewGuid(), Approval(known), Options)).Rule.ShouldBe("answer-from-another-batch");
        Rejected(state.ApplyMinistryAnswer(BatchId, Approval(known) with { DecreeNumber = null }, Options)).Rule.ShouldBe("answer-needs-decree");
        Rejected(state.ApplyMinistryAnswer(BatchId, new MinistryAnswer(known.Id, MinistryAnswerKind.Rejected), Options)).Rule.ShouldBe("answer-needs-reason");
        Rejected(state.ApplyMinistryAnswer(BatchId, new MinistryAnswer(known.Id, MinistryAnswerKind.DocumentsNeeded, Documents: []), Options)).Rule.ShouldBe("answer-needs-documents");
    }

    [Fact]
    public void A_rejection_by_the_ministry_closes_the_case()
    {
        var known = Coop();

        var history = Then(SentToMinistry(known), c => c.ApplyMinistryAnswer(BatchId, new MinistryAnswer(known.Id, MinistryAnswerKind.Rejected, Reason: "Koperasi menerima bantuan pemerintah"), Options));

        var state = State(history);
        (state.Stage, state.Rule, state.Reason).ShouldBe((DissolutionStage.Rejected, "ministry-rejected", "The ministry rejected the dissolution: Koperasi menerima bantuan pemerintah"));
    }

    [Fact]
    public void Documents_needed_send_the_case_back_for_a_later_batch()
    {
        var known = Coop();
        var answer = new MinistryAnswer(known.Id, MinistryAnswerKind.DocumentsNeeded, Documents: ["Akta pendirian asli", "Surat keterangan kehilangan dari kepolisian"]);

        var history = Then(NoticeIssued(known), c => c.ApplyMinistryAnswer(BatchId, answer, Options));

        var state = State(history);
        (state.Stage, state.Notice).ShouldBe((DissolutionStage.Announced, Notice));
        state.DocumentsNeeded.ShouldBe(answer.Documents!);
        state.ReadyForMinistry(new DateOnly(2026, 2, 1), Options).ShouldBeNull();
        var later = Guid.NewGuid();
        var resent = State(Then(history, c => c.SentToMinistry(later, new DateOnly(2026, 2, 1), Options)));
        (resent.BatchId, resent.DocumentsNeeded.Count, resent.Notice).ShouldBe((later, 0, (MinistryNotice?)null));
    }

    [Fact]
    public void Reverify_asks_for_a_new_field_verification_and_the_announcement_already_run_still_counts()
    {
        var known = Coop();
        var history = Then(SentToMinistry(known), c => c.ApplyMinistryAnswer(BatchId, new MinistryAnswer(known.Id, MinistryAnswerKind.Reverify), Options));
        State(history).Stage.ShouldBe(DissolutionStage.Proposed);
        State(history).ReadyForMinistry(Today, Options)!.Rule.ShouldBe("step-out-of-order");

        var newLetter = new VillageLetter("140/88/PEM/2025", new DateOnly(2025, 12, 1), "Talang Bakung");
        history = Then(history, c => c.VerifyInField(newLetter, new DateOnly(2025, 12, 2), Today));

        var state = State(history);
        (state.Stage, state.VillageLetter).ShouldBe((DissolutionStage.Announced, newLetter));
        state.ReadyForMinistry(new DateOnly(2025, 12, 2), Options).ShouldBeNull();
    }
}
