using Koperasi.Registry.Cooperatives;
using static Koperasi.Registry.Tests.Domain.Cases;
using static Koperasi.Registry.Tests.Domain.Registrations;

namespace Koperasi.Registry.Tests.Domain;

public class AmalgamationTests
{
    [Fact]
    public void The_new_koperasi_is_registered_with_the_case_id_decree_deed_and_the_participants_members()
    {
        var (first, second) = (Existing(30).State, Existing(25).State);
        var founding = NewKoperasi();
        var amalgamation = Amalgamation(founding, first, second);

        var decision = Applied(Cooperative.Amalgamate(amalgamation, RegisterOf(first, second), Today, Policy));

        var registered = decision.EventsOf(founding.CooperativeId)[0].ShouldBeOfType<RegistrationRecorded>();
        registered.CooperativeId.ShouldBe(founding.CooperativeId);
        registered.LegalEntity.ShouldBe(founding.LegalEntity);
        registered.Deed.ShouldBe(Deed);
        (registered.MemberCount, registered.FoundingMembers).ShouldBe((55, 55));
        registered.PredecessorIds.ShouldBe([first.Id, second.Id]);
        registered.CaseId.ShouldBe(amalgamation.CaseId);
        var founded = Given(decision.EventsOf(founding.CooperativeId));
        founded.PredecessorIds.ShouldBe([first.Id, second.Id]);
        founded.Activity.ShouldBe(ActivityStatus.Aktif);
        founded.ArticlesVersions().ShouldHaveSingleItem().CaseId.ShouldBe(amalgamation.CaseId);
    }

    [Fact]
    public void Every_participant_is_dissolved_by_amalgamation_into_the_new_koperasi()
    {
        var (first, second, third) = (Existing(30), Existing(25), Existing(9));
        var founding = NewKoperasi();
        var amalgamation = Amalgamation(founding, first.State, second.State, third.State);

        var decision = Applied(Cooperative.Amalgamate(amalgamation, RegisterOf(first.State, second.State, third.State), Today, Policy));

        decision.Streams.Count.ShouldBe(4);
        foreach (var (events, state) in new[] { first, second, third })
        {
            decision.EventsOf(state.Id).ShouldHaveSingleItem().ShouldBe(
                new DissolutionRecorded(state.Id, DissolutionReason.Amalgamation, EffectiveOn, founding.CooperativeId, amalgamation.CaseId, WithoutLiquidation: true));
            After(events, decision.EventsOf(state.Id)).Dissolution!.Reason.ShouldBe(DissolutionReason.Amalgamation);
        }
    }

    [Fact]
    public void The_registration_rules_hold_for_the_new_koperasi()
    {
        var (first, second) = (Existing(4).State, Existing(3).State);
        var register = RegisterOf(first, second);

        // A primer needs at least 9 founders: the 7 members who pass over are not enough.
        Refused(Cooperative.Amalgamate(Amalgamation(NewKoperasi(), first, second), register, Today, Policy)).Rule.ShouldBe("primer-needs-minimum-founders");
        var (big, bigger) = (Existing(30).State, Existing(40).State);
        var simpanPinjam = NewKoperasi().Profiled(p => p with { Type = CooperativeType.SimpanPinjam });
        Refused(Cooperative.Amalgamate(Amalgamation(simpanPinjam, big, bigger), RegisterOf(big, bigger), Today, Policy)).Rule.ShouldBe("savings-loan-scheme-only-for-simpan-pinjam");
    }

    [Fact]
    public void An_unknown_or_dissolved_participant_refuses_it()
    {
        var (first, second, other) = (Existing(30), Existing(25), Existing(20));
        var gone = After(second.Events, Applied(Cooperative.Merge(Merger(other.State, second.State), RegisterOf(other.State, second.State), Today)).EventsOf(second.State.Id));

        Refused(Cooperative.Amalgamate(Amalgamation(NewKoperasi(), first.State, second.State), RegisterOf(first.State), Today, Policy)).Rule.ShouldBe("cooperative-not-registered");
        Refused(Cooperative.Amalgamate(Amalgamation(NewKoperasi(), first.State, gone), RegisterOf(first.State, gone), Today, Policy)).Rule.ShouldBe("cooperative-dissolved");
    }

    [Fact]
    public void It_needs_two_distinct_participants_and_an_id_of_its_own()
    {
        var (first, second) = (Existing(30).State, Existing(25).State);
        var register = RegisterOf(first, second);

        Refused(Cooperative.Amalgamate(Amalgamation(NewKoperasi(), first), register, Today, Policy)).Rule.ShouldBe("amalgamation-needs-two-participants");
        Refused(Cooperative.Amalgamate(Amalgamation(NewKoperasi(), first, first), register, Today, Policy)).Rule.ShouldBe("participant-listed-twice");
        Refused(Cooperative.Amalgamate(Amalgamation(NewKoperasi() with { CooperativeId = second.Id }, first, second), register, Today, Policy)).Rule.ShouldBe("cooperative-id-taken");
    }

    [Fact]
    public void A_decree_dated_after_today_is_refused_as_any_registration_is()
    {
        var (first, second) = (Existing(30).State, Existing(25).State);
        var founding = NewKoperasi() with { LegalEntity = new LegalEntity("AHU-1/2026", EffectiveOn) };

        Refused(Cooperative.Amalgamate(Amalgamation(founding, first, second), RegisterOf(first, second), EffectiveOn.AddDays(-1), Policy)).Rule
            .ShouldBe("transformation-effective-in-future");
        Refused(Cooperative.Amalgamate(Amalgamation(founding, first, second) with { EffectiveOn = D(2026, 10, 1) }, RegisterOf(first, second), D(2026, 10, 2), Policy)).Rule
            .ShouldBe("decree-date-in-future");
    }

    [Fact]
    public void An_amalgamation_applied_before_changes_nothing()
    {
        var (first, second) = (Existing(30), Existing(25));
        var founding = NewKoperasi();
        var amalgamation = Amalgamation(founding, first.State, second.State);
        var decision = Applied(Cooperative.Amalgamate(amalgamation, RegisterOf(first.State, second.State), Today, Policy));
        var register = RegisterOf(
            Given(decision.EventsOf(founding.CooperativeId)),
            After(first.Events, decision.EventsOf(first.State.Id)),
            After(second.Events, decision.EventsOf(second.State.Id)));

        Cooperative.Amalgamate(amalgamation, register, Today, Policy).WasAppliedBefore.ShouldBeTrue();
    }
}
