using Koperasi.Transformation.Cases;
using static Koperasi.Transformation.Tests.Domain.Given;

namespace Koperasi.Transformation.Tests.Domain;

public class ClosingTests
{
    private static readonly DateTimeOffset AppliedAt = new(2026, 11, 22, 3, 15, 0, TimeSpan.Zero);

    [Fact]
    public void An_officer_withdraws_a_case_before_approval_with_a_reason()
    {
        var history = MergerAwaitingDeed(out var survivor, out var absorbed);

        var withdrawn = Accepted(State(history).Withdraw("Rapat pengurus menunda rencana.")).ShouldHaveSingleItem().ShouldBeOfType<CaseWithdrawn>();

        withdrawn.Reason.ShouldBe("Rapat pengurus menunda rencana.");
        withdrawn.CooperativeIds.ShouldBe([survivor.Id, absorbed.Id]);
        State([.. history, withdrawn]).State.ShouldBe(CaseState.Withdrawn);
    }

    [Fact]
    public void An_approved_case_cannot_be_withdrawn()
    {
        Rejected(State(MergerCaseApproved(out _, out _)).Withdraw("Terlambat.")).Rule.ShouldBe("case-already-approved");
    }

    [Fact]
    public void The_registers_answer_completes_a_merger_and_names_the_absorbed_as_ended()
    {
        var history = MergerCaseApproved(out var survivor, out var absorbed);

        var completed = Accepted(State(history).Complete(new RegistryApplied(CaseKind.Merger, survivor.Id, 64, AppliedAt)))
            .ShouldHaveSingleItem().ShouldBeOfType<CaseCompleted>();

        (completed.ResultingCooperativeId, completed.EndedCooperativeIds.Single(), completed.MembersMoved, completed.EffectiveOn)
            .ShouldBe((survivor.Id, absorbed.Id, 64, Decree.DecreeDate));
        var state = State([.. history, completed]);
        (state.State, state.Completion!.MembersMoved).ShouldBe((CaseState.Completed, 64));
    }

    [Fact]
    public void An_amalgamation_ends_every_participant_and_a_change_of_articles_ends_none()
    {
        var (a, b) = (Known("Koperasi A"), Known("Koperasi B"));
        var founded = NewKoperasi();
        List<object> amalgamation = [.. Accepted(TransformationCase.ProposeAmalgamation(new AmalgamationProposal(Guid.NewGuid(), ProposedOn, [a.Id, b.Id], founded), Standings(a, b), Today))];
        amalgamation = Then(amalgamation, c => c.RecordMeeting(Approving(a), Today, Policy));
        amalgamation = Then(amalgamation, c => c.RecordMeeting(Approving(b), Today, Policy));
        amalgamation = Then(amalgamation, c => c.RecordDeed(Deed, Today));
        amalgamation = Then(amalgamation, c => c.RecordRatification(Decree, Today));
        var cooperative = Known("Koperasi C");
        var amendment = Then(AmendmentProposed(cooperative, Changes(otherArticles: "Pasal 9")), c => c.RecordMeeting(Approving(cooperative), Today, Policy));
        amendment = Then(amendment, c => c.RecordDeed(Deed, Today));

        var amalgamated = Accepted(State(amalgamation).Complete(new RegistryApplied(CaseKind.Amalgamation, founded.CooperativeId, 200, AppliedAt)))[0].ShouldBeOfType<CaseCompleted>();
        var amended = Accepted(State(amendment).Complete(new RegistryApplied(CaseKind.ArticlesAmendment, cooperative.Id, 0, AppliedAt)))[0].ShouldBeOfType<CaseCompleted>();

        amalgamated.EndedCooperativeIds.ShouldBe([a.Id, b.Id]);
        amalgamated.ResultingCooperativeId.ShouldBe(founded.CooperativeId);
        amended.EndedCooperativeIds.ShouldBeEmpty();
    }

    [Fact]
    public void An_answer_for_a_closed_case_changes_nothing()
    {
        var history = MergerCaseApproved(out var survivor, out _);
        var applied = new RegistryApplied(CaseKind.Merger, survivor.Id, 64, AppliedAt);
        history = Then(history, c => c.Complete(applied));

        Accepted(State(history).Complete(applied)).ShouldBeEmpty();
        Accepted(State(history).RejectAsNotApplied("cooperative-not-registered", "Sudah bubar.")).ShouldBeEmpty();
    }

    [Fact]
    public void An_answer_for_a_case_not_yet_approved_is_refused()
    {
        var history = MergerAwaitingDeed(out var survivor, out _);

        Rejected(State(history).Complete(new RegistryApplied(CaseKind.Merger, survivor.Id, 64, AppliedAt))).Rule.ShouldBe("case-not-approved");
        Rejected(State(history).RejectAsNotApplied("cooperative-not-registered", "Sudah bubar.")).Rule.ShouldBe("case-not-approved");
    }

    [Fact]
    public void An_answer_about_another_koperasi_or_kind_is_refused()
    {
        var history = MergerCaseApproved(out var survivor, out var absorbed);

        Rejected(State(history).Complete(new RegistryApplied(CaseKind.Merger, absorbed.Id, 64, AppliedAt))).Rule.ShouldBe("registry-answer-does-not-match");
        Rejected(State(history).Complete(new RegistryApplied(CaseKind.ArticlesAmendment, survivor.Id, 0, AppliedAt))).Rule.ShouldBe("registry-answer-does-not-match");
    }

    [Fact]
    public void The_register_refusing_an_approved_case_rejects_it_with_the_registers_rule()
    {
        var history = MergerCaseApproved(out _, out _);

        var rejected = Accepted(State(history).RejectAsNotApplied("cooperative-not-registered", "Koperasi Tani Makmur bukan lagi badan hukum."))
            .ShouldHaveSingleItem().ShouldBeOfType<CaseRejected>();

        rejected.Rule.ShouldBe("cooperative-not-registered");
        rejected.Reason.ShouldContain("Koperasi Tani Makmur bukan lagi badan hukum.");
        State([.. history, rejected]).State.ShouldBe(CaseState.Rejected);
    }
}
