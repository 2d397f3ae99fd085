using Koperasi.ServiceDefaults.Decisions;
using Koperasi.Transformation.Cases;
using static Koperasi.Transformation.Tests.Domain.Given;

namespace Koperasi.Transformation.Tests.Domain;

public class MeetingTests
{
    private static (List<object> History, Cooperatives.KnownCooperative Survivor, Cooperatives.KnownCooperative Absorbed) AProposedMerger()
    {
        var (survivor, absorbed) = (Known("Koperasi Maju Bersama"), Known("Koperasi Tani Makmur"));
        return (MergerProposed(survivor, absorbed), survivor, absorbed);
    }

    private static MeetingVotes Votes(Cooperatives.KnownCooperative cooperative, int present, int total, int votesFor, int against) =>
        new(cooperative.Id, MeetingDay, present, total, votesFor, against);

    [Fact]
    public void When_every_participant_approved_the_case_awaits_its_deed()
    {
        var (history, survivor, absorbed) = AProposedMerger();

        history = Then(history, c => c.RecordMeeting(Approving(survivor), Today, Policy));
        State(history).State.ShouldBe(CaseState.Proposed);
        history = Then(history, c => c.RecordMeeting(Approving(absorbed), Today, Policy));

        var state = State(history);
        state.State.ShouldBe(CaseState.AwaitingDeed);
        state.Meetings.Select(m => m.Approved).ShouldBe([true, true]);
    }

    [Theory]
    [InlineData(75, true)]
    [InlineData(74, false)]
    public void The_quorum_is_three_quarters_of_the_members(int present, bool met)
    {
        var (history, survivor, _) = AProposedMerger();

        var events = Accepted(State(history).RecordMeeting(Votes(survivor, present, 100, present, 0), Today, Policy));

        events[0].ShouldBeOfType<MembersMeetingRecorded>().QuorumMet.ShouldBe(met);
        events.OfType<CaseRejected>().Any().ShouldBe(!met);
    }

    [Fact]
    public void A_meeting_without_quorum_is_recorded_and_rejects_the_case_naming_the_rule()
    {
        var (history, survivor, _) = AProposedMerger();

        var events = Accepted(State(history).RecordMeeting(Votes(survivor, 40, 100, 40, 0), Today, Policy));

        var rejected = events[1].ShouldBeOfType<CaseRejected>();
        rejected.Rule.ShouldBe("quorum-not-met");
        rejected.Reason.ShouldBe("The members' meeting of Koperasi Maju Bersama was attended by 40 of 100 members; the quorum of 3/4 was not met.");
        var state = State([.. history, .. events]);
        (state.State, state.Rejection!.Rule).ShouldBe((CaseState.Rejected, "quorum-not-met"));
    }

    [Fact]
    public void A_members_total_below_the_registers_member_count_is_refused_naming_both_figures()
    {
        // "3 present of 4" must not approve for a koperasi the register counts 85 members of.
        var (survivor, absorbed) = (Known("Koperasi Maju Bersama", members: 85), Known("Koperasi Tani Makmur"));
        var history = MergerProposed(survivor, absorbed);

        var error = Rejected(State(history).RecordMeeting(Votes(survivor, 3, 4, 3, 0), Today, Policy));

        (error.Rule, error.Kind, error.Field).ShouldBe(("members-total-below-register", DomainErrorKind.Unprocessable, "membersTotal"));
        error.Detail.ShouldContain("counts 4 members in total");
        error.Detail.ShouldContain("the register counts 85");
    }

    [Theory]
    [InlineData(84, false)]
    [InlineData(85, true)]
    [InlineData(120, true)]
    public void The_registers_member_count_is_the_floor_of_the_members_total(int total, bool accepted)
    {
        var (survivor, absorbed) = (Known("Koperasi Maju Bersama", members: 85), Known("Koperasi Tani Makmur"));
        var history = MergerProposed(survivor, absorbed);

        var decision = State(history).RecordMeeting(Votes(survivor, total, total, total, 0), Today, Policy);

        (decision.Error?.Rule).ShouldBe(accepted ? null : "members-total-below-register");
    }

    [Fact]
    public void The_floor_is_the_registers_member_count_now_not_the_one_known_at_the_proposal()
    {
        var (history, survivor, _) = AProposedMerger();

        // Known with 100 members at the proposal; the register counts 130 by the meeting.
        var error = Rejected(State(history).RecordMeeting(Votes(survivor, 100, 110, 100, 0), Today, Policy, registeredMembers: 130));

        error.Rule.ShouldBe("members-total-below-register");
        error.Detail.ShouldContain("the register counts 130");
        Accepted(State(history).RecordMeeting(Votes(survivor, 100, 130, 100, 0), Today, Policy, registeredMembers: 130)).ShouldHaveSingleItem();
    }

    [Theory]
    [InlineData(40, 20, true)]
    [InlineData(39, 20, false)]
    [InlineData(0, 0, false)]
    public void The_decision_needs_two_thirds_of_the_valid_votes(int votesFor, int against, bool reached)
    {
        var (history, survivor, _) = AProposedMerger();

        var events = Accepted(State(history).RecordMeeting(Votes(survivor, 80, 100, votesFor, against), Today, Policy));

        events[0].ShouldBeOfType<MembersMeetingRecorded>().MajorityReached.ShouldBe(reached);
        (events.OfType<CaseRejected>().SingleOrDefault()?.Rule).ShouldBe(reached ? null : "majority-not-reached");
    }

    [Fact]
    public void The_thresholds_are_policy_and_travel_with_the_meeting()
    {
        var (history, survivor, _) = AProposedMerger();
        var lenient = new MeetingPolicy { Quorum = new Fraction(1, 2), Majority = new Fraction(1, 2) };

        var events = Accepted(State(history).RecordMeeting(Votes(survivor, 50, 100, 25, 25), Today, lenient));

        var recorded = events.ShouldHaveSingleItem().ShouldBeOfType<MembersMeetingRecorded>();
        (recorded.Quorum, recorded.Majority).ShouldBe((new Fraction(1, 2), new Fraction(1, 2)));
    }

    [Fact]
    public void Only_a_participant_has_a_meeting_in_the_case()
    {
        var (history, _, _) = AProposedMerger();
        var error = Rejected(State(history).RecordMeeting(Approving(Known("Koperasi Lain")), Today, Policy));
        (error.Rule, error.Field).ShouldBe(("not-a-participant", "cooperativeId"));
    }

    [Fact]
    public void Each_participant_decides_once()
    {
        var (history, survivor, _) = AProposedMerger();
        history = Then(history, c => c.RecordMeeting(Approving(survivor), Today, Policy));

        var error = Rejected(State(history).RecordMeeting(Approving(survivor), Today, Policy));

        (error.Rule, error.Kind).ShouldBe(("meeting-already-recorded", DomainErrorKind.Conflict));
    }

    [Theory]
    [InlineData(2026, 5, 31, "meeting-before-proposal")]
    [InlineData(2026, 11, 23, "meeting-in-future")]
    public void A_meeting_is_held_between_the_proposal_and_today(int year, int month, int day, string rule)
    {
        var (history, survivor, _) = AProposedMerger();
        var error = Rejected(State(history).RecordMeeting(Approving(survivor, new DateOnly(year, month, day)), Today, Policy));
        (error.Rule, error.Field).ShouldBe((rule, "heldOn"));
    }

    [Fact]
    public void A_meeting_on_the_day_of_the_proposal_counts()
    {
        var (history, survivor, _) = AProposedMerger();
        Accepted(State(history).RecordMeeting(Approving(survivor, ProposedOn), Today, Policy)).ShouldHaveSingleItem();
    }

    [Fact]
    public void No_meeting_is_recorded_once_every_participant_approved()
    {
        var history = MergerAwaitingDeed(out var survivor, out _);
        Rejected(State(history).RecordMeeting(Approving(survivor), Today, Policy)).Rule.ShouldBe("meetings-already-decided");
    }

    [Fact]
    public void A_rejected_case_takes_no_more_steps()
    {
        var (history, survivor, absorbed) = AProposedMerger();
        history = Then(history, c => c.RecordMeeting(Votes(survivor, 10, 100, 10, 0), Today, Policy));

        Rejected(State(history).RecordMeeting(Approving(absorbed), Today, Policy)).Rule.ShouldBe("case-closed");
        Rejected(State(history).Withdraw("Terlambat.")).Rule.ShouldBe("case-closed");
    }
}
