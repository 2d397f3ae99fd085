using Koperasi.Transformation.Cases;
using Koperasi.Transformation.Dissolutions;
using static Koperasi.Transformation.Tests.Domain.Dissolutions.GivenDissolution;

namespace Koperasi.Transformation.Tests.Domain.Dissolutions;

public class DissolutionMeetingTests
{
    [Theory]
    [InlineData(14, true)]
    [InlineData(13, false)]
    public void The_invitation_goes_out_at_least_fourteen_days_before_the_meeting(int daysAhead, bool accepted)
    {
        var known = Coop();
        var sentOn = new DateOnly(2026, 6, 10);

        var decision = State(ProposedByBoard(known)).CallMeeting(new MeetingInvitation(sentOn, sentOn.AddDays(daysAhead)), Today, Options);

        if (accepted)
        {
            Accepted(decision).Single().ShouldBeOfType<DissolutionMeetingCalled>().MeetingOn.ShouldBe(sentOn.AddDays(daysAhead));
        }
        else
        {
            var error = Rejected(decision);
            (error.Rule, error.Field).ShouldBe(("invitation-too-late", "meetingOn"));
        }
    }

    [Fact]
    public void The_invitation_lead_is_configuration()
    {
        var known = Coop();
        var sentOn = new DateOnly(2026, 6, 10);

        var decision = State(ProposedByBoard(known)).CallMeeting(new MeetingInvitation(sentOn, sentOn.AddDays(7)), Today, Options with { InvitationLeadDays = 7 });

        Accepted(decision).ShouldHaveSingleItem();
    }

    [Fact]
    public void The_invitation_is_dated_between_the_proposal_and_today()
    {
        var state = State(ProposedByBoard(Coop()));

        Rejected(state.CallMeeting(new MeetingInvitation(MembersProposedOn.AddDays(-1), MembersProposedOn.AddDays(30)), Today, Options)).Rule.ShouldBe("invitation-date-out-of-range");
        Rejected(state.CallMeeting(new MeetingInvitation(Today.AddDays(1), Today.AddDays(30)), Today, Options)).Rule.ShouldBe("invitation-date-out-of-range");
    }

    [Fact]
    public void A_meeting_is_recorded_only_after_it_was_called_and_not_before_its_day()
    {
        var known = Coop();

        Rejected(State(ProposedByBoard(known)).RecordMeeting(Votes(known), Today, Policy)).Rule.ShouldBe("step-out-of-order");
        Rejected(State(MeetingCalled(known)).RecordMeeting(Votes(known) with { HeldOn = Invitation.MeetingOn.AddDays(-1) }, Today, Policy))
            .Rule.ShouldBe("meeting-before-invited-date");
        Rejected(State(MeetingCalled(known)).RecordMeeting(Votes(known) with { HeldOn = Today.AddDays(1) }, Today, Policy)).Rule.ShouldBe("meeting-in-future");
    }

    [Fact]
    public void A_government_case_has_no_members_meeting()
    {
        var error = Rejected(State(ProposedByGovernment(Coop())).CallMeeting(Invitation, Today, Options));

        error.Rule.ShouldBe("step-not-on-this-path");
    }

    [Fact]
    public void An_approving_meeting_decides_the_dissolution_on_its_day()
    {
        var known = Coop();

        var state = State(DecidedByMembers(known));

        state.Stage.ShouldBe(DissolutionStage.Decided);
        state.Decided.ShouldBe(new DissolutionDecision(Invitation.MeetingOn, null));
        state.Meeting!.QuorumMet.ShouldBeTrue();
    }

    [Theory]
    [InlineData(75, true)]
    [InlineData(74, false)]
    public void The_quorum_is_three_quarters_of_the_members(int present, bool met)
    {
        var known = Coop();

        var events = Accepted(State(MeetingCalled(known)).RecordMeeting(Votes(known, present, 100, present, 0), Today, Policy));

        events[0].ShouldBeOfType<DissolutionMeetingRecorded>().QuorumMet.ShouldBe(met);
        if (met)
        {
            events[1].ShouldBeOfType<DissolutionDecided>();
        }
        else
        {
            events[1].ShouldBeOfType<DissolutionRejected>().Rule.ShouldBe("quorum-not-met");
            State([.. MeetingCalled(known), .. events]).Stage.ShouldBe(DissolutionStage.Rejected);
        }
    }

    [Theory]
    [InlineData(66, 33, true)]
    [InlineData(65, 34, false)]
    public void The_decision_takes_two_thirds_of_the_valid_votes(int votesFor, int against, bool reached)
    {
        var known = Coop();

        var events = Accepted(State(MeetingCalled(known)).RecordMeeting(Votes(known, 99, 100, votesFor, against), Today, Policy));

        events[0].ShouldBeOfType<DissolutionMeetingRecorded>().MajorityReached.ShouldBe(reached);
        (events[1] is DissolutionRejected { Rule: "majority-not-reached" }).ShouldBe(!reached);
    }

    [Fact]
    public void The_meeting_is_judged_by_the_shared_meeting_policy()
    {
        var known = Coop();

        var events = Accepted(State(MeetingCalled(known)).RecordMeeting(Votes(known, 50, 100, 50, 0), Today, new MeetingPolicy { Quorum = new Fraction(1, 2) }));

        events[1].ShouldBeOfType<DissolutionDecided>();
    }

    [Fact]
    public void The_members_total_is_at_least_the_registers_member_count()
    {
        var known = Coop(members: 100);

        var error = Rejected(State(MeetingCalled(known)).RecordMeeting(Votes(known, 80, 99, 70, 5), Today, Policy));

        (error.Rule, error.Field).ShouldBe(("members-total-below-register", "membersTotal"));
        Rejected(State(MeetingCalled(known)).RecordMeeting(Votes(known, 80, 100, 70, 5), Today, Policy, registeredMembers: 120)).Rule.ShouldBe("members-total-below-register");
    }

    [Fact]
    public void The_meeting_is_the_dissolving_koperasis()
    {
        var known = Coop();

        Rejected(State(MeetingCalled(known)).RecordMeeting(Votes(Coop("Koperasi Lain")), Today, Policy)).Rule.ShouldBe("not-the-dissolving-cooperative");
    }
}
