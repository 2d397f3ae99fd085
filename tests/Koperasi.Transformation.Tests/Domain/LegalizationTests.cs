using Koperasi.ServiceDefaults.Decisions;
using Koperasi.Transformation.Cases;
using static Koperasi.Transformation.Tests.Domain.Given;

namespace Koperasi.Transformation.Tests.Domain;

public class LegalizationTests
{
    [Fact]
    public void The_deed_waits_for_every_members_meeting()
    {
        var (survivor, absorbed) = (Known("Koperasi Maju Bersama"), Known("Koperasi Tani Makmur"));
        var history = Then(MergerProposed(survivor, absorbed), c => c.RecordMeeting(Approving(survivor), Today, Policy));

        var error = Rejected(State(history).RecordDeed(Deed, Today));

        (error.Rule, error.Kind).ShouldBe(("deed-before-meetings", DomainErrorKind.Conflict));
        error.Detail.ShouldContain("Koperasi Tani Makmur");
    }

    [Theory]
    [InlineData(2026, 7, 19, "deed-before-meeting")]
    [InlineData(2026, 11, 23, "deed-in-future")]
    public void The_deed_is_dated_between_the_last_meeting_and_today(int year, int month, int day, string rule)
    {
        var history = MergerAwaitingDeed(out _, out _);
        var error = Rejected(State(history).RecordDeed(Deed with { Date = new DateOnly(year, month, day) }, Today));
        (error.Rule, error.Field).ShouldBe((rule, "date"));
    }

    [Fact]
    public void A_merger_with_its_deed_awaits_the_ratification_and_takes_one_deed()
    {
        var history = Then(MergerAwaitingDeed(out _, out _), c => c.RecordDeed(Deed, Today));

        State(history).State.ShouldBe(CaseState.AwaitingRatification);
        Rejected(State(history).RecordDeed(Deed, Today)).Rule.ShouldBe("deed-already-recorded");
    }

    [Fact]
    public void The_ratification_follows_the_deed()
    {
        var history = MergerAwaitingDeed(out _, out _);
        Rejected(State(history).RecordRatification(Decree, Today)).Rule.ShouldBe("ratification-before-deed");
    }

    [Theory]
    [InlineData(2026, 9, 1, "decree-before-deed")]
    [InlineData(2026, 11, 23, "decree-in-future")]
    public void The_decree_is_dated_between_the_deed_and_today(int year, int month, int day, string rule)
    {
        var history = Then(MergerAwaitingDeed(out _, out _), c => c.RecordDeed(Deed, Today));
        var error = Rejected(State(history).RecordRatification(Decree with { DecreeDate = new DateOnly(year, month, day) }, Today));
        (error.Rule, error.Field).ShouldBe((rule, "decreeDate"));
    }

    [Fact]
    public void The_ratification_approves_a_merger_with_everything_the_register_needs()
    {
        var history = Then(MergerAwaitingDeed(out var survivor, out var absorbed), c => c.RecordDeed(Deed, Today));

        var events = Accepted(State(history).RecordRatification(Decree, Today));

        events[0].ShouldBeOfType<RatificationRecorded>();
        var approved = events[1].ShouldBeOfType<MergerCaseApproved>();
        (approved.SurvivorId, approved.AbsorbedIds.Single(), approved.Deed, approved.Ratification, approved.EffectiveOn)
            .ShouldBe((survivor.Id, absorbed.Id, Deed, Decree, Decree.DecreeDate));
        State([.. history, .. events]).State.ShouldBe(CaseState.Approved);
    }

    [Fact]
    public void An_amalgamation_is_approved_with_the_new_koperasi()
    {
        var (a, b) = (Known("Koperasi A"), Known("Koperasi B"));
        var founded = NewKoperasi();
        List<object> history = [.. Accepted(TransformationCase.ProposeAmalgamation(new AmalgamationProposal(Guid.NewGuid(), ProposedOn, [a.Id, b.Id], founded), Standings(a, b), Today))];
        history = Then(history, c => c.RecordMeeting(Approving(a), Today, Policy));
        history = Then(history, c => c.RecordMeeting(Approving(b), Today, Policy));
        history = Then(history, c => c.RecordDeed(Deed, Today));

        var approved = Accepted(State(history).RecordRatification(Decree, Today))[1].ShouldBeOfType<AmalgamationCaseApproved>();

        approved.NewCooperative.ShouldBe(founded);
        approved.ParticipantIds.ShouldBe([a.Id, b.Id]);
    }

    [Fact]
    public void A_change_of_other_articles_only_is_approved_with_its_deed_and_needs_no_ratification()
    {
        var cooperative = Known("Koperasi Maju Bersama");
        var history = Then(AmendmentProposed(cooperative, Changes(otherArticles: "Pasal 12")), c => c.RecordMeeting(Approving(cooperative), Today, Policy));

        var events = Accepted(State(history).RecordDeed(Deed, Today));

        var approved = events[1].ShouldBeOfType<ArticlesAmendmentCaseApproved>();
        (approved.Ratification, approved.EffectiveOn).ShouldBe((null, Deed.Date));
        var approvedState = State([.. history, .. events]);
        approvedState.State.ShouldBe(CaseState.Approved);
        Rejected(approvedState.RecordRatification(Decree, Today)).Rule.ShouldBe("case-already-approved");
        Rejected(State(history).RecordRatification(Decree, Today)).Rule.ShouldBe("ratification-not-required");
    }

    [Fact]
    public void A_change_of_name_waits_for_the_ratification()
    {
        var cooperative = Known("Koperasi Maju Bersama");
        var history = Then(AmendmentProposed(cooperative, Changes(name: "Koperasi Serba Usaha Maju")), c => c.RecordMeeting(Approving(cooperative), Today, Policy));
        history = Then(history, c => c.RecordDeed(Deed, Today));

        State(history).State.ShouldBe(CaseState.AwaitingRatification);
        Accepted(State(history).RecordRatification(Decree, Today))[1].ShouldBeOfType<ArticlesAmendmentCaseApproved>().Ratification.ShouldBe(Decree);
    }

    [Fact]
    public void An_approved_case_takes_no_more_steps()
    {
        var history = MergerCaseApproved(out var survivor, out _);
        var state = State(history);

        Rejected(state.RecordMeeting(Approving(survivor), Today, Policy)).Rule.ShouldBe("case-already-approved");
        Rejected(state.RecordDeed(Deed, Today)).Rule.ShouldBe("case-already-approved");
        Rejected(state.RecordRatification(Decree, Today)).Rule.ShouldBe("case-already-approved");
    }
}
