using Koperasi.Registry.Cooperatives;
using static Koperasi.Registry.Tests.Domain.Cases;
using static Koperasi.Registry.Tests.Domain.Registrations;

namespace Koperasi.Registry.Tests.Domain;

public class MergerTests
{
    [Fact]
    public void Each_absorbed_koperasi_is_dissolved_by_merger_into_the_survivor_without_liquidation()
    {
        var (survivor, first, second) = (Existing(100).State, Existing(30), Existing(12));
        var merger = Merger(survivor, first.State, second.State);

        var decision = Applied(Cooperative.Merge(merger, RegisterOf(survivor, first.State, second.State), Today));

        foreach (var (events, state) in new[] { first, second })
        {
            var dissolved = decision.EventsOf(state.Id).ShouldHaveSingleItem().ShouldBeOfType<DissolutionRecorded>();
            dissolved.ShouldBe(new DissolutionRecorded(state.Id, DissolutionReason.Merger, EffectiveOn, survivor.Id, merger.CaseId, WithoutLiquidation: true));
            var after = After(events, decision.EventsOf(state.Id));
            after.LegalStatus.ShouldBe(LegalStatus.Dissolved);
            after.Dissolution!.SuccessorId.ShouldBe(survivor.Id);
        }
    }

    [Fact]
    public void The_survivor_records_whom_it_absorbed_and_gains_their_members()
    {
        var (survivor, first, second) = (Existing(100), Existing(30).State, Existing(12).State);
        var merger = Merger(survivor.State, first, second);

        var decision = Applied(Cooperative.Merge(merger, RegisterOf(survivor.State, first, second), Today));

        var merged = decision.EventsOf(survivor.State.Id).ShouldHaveSingleItem().ShouldBeOfType<MergerRecorded>();
        merged.AbsorbedIds.ShouldBe([first.Id, second.Id]);
        (merged.MembersMoved, merged.MemberCount, merged.CaseId).ShouldBe((42, 142, merger.CaseId));
        var after = After(survivor.Events, [merged]);
        after.MemberCount.ShouldBe(142);
        after.LegalStatus.ShouldBe(LegalStatus.Existing);
        after.Mergers.ShouldHaveSingleItem().AbsorbedIds.ShouldBe([first.Id, second.Id]);
    }

    [Fact]
    public void A_merger_applied_before_changes_nothing()
    {
        var (survivor, absorbed) = (Existing(100), Existing(30));
        var merger = Merger(survivor.State, absorbed.State);
        var first = Applied(Cooperative.Merge(merger, RegisterOf(survivor.State, absorbed.State), Today));
        var register = RegisterOf(After(survivor.Events, first.EventsOf(survivor.State.Id)), After(absorbed.Events, first.EventsOf(absorbed.State.Id)));

        var again = Cooperative.Merge(merger, register, Today);

        again.WasAppliedBefore.ShouldBeTrue();
        again.Error.ShouldBeNull();
    }

    [Fact]
    public void An_unknown_participant_refuses_the_whole_merger()
    {
        var (survivor, absorbed) = (Existing().State, Existing().State);
        var stranger = Guid.NewGuid();

        var error = Refused(Cooperative.Merge(Merger(survivor, absorbed) with { AbsorbedIds = [absorbed.Id, stranger] }, RegisterOf(survivor, absorbed), Today));
        error.Rule.ShouldBe("cooperative-not-registered");
        error.Detail.ShouldContain(stranger.ToString());

        Refused(Cooperative.Merge(Merger(survivor, absorbed), RegisterOf(absorbed), Today)).Rule.ShouldBe("cooperative-not-registered");
    }

    [Fact]
    public void A_koperasi_dissolved_already_cannot_take_part()
    {
        var (survivor, absorbed, other) = (Existing(), Existing(), Existing());
        var gone = After(absorbed.Events, Applied(Cooperative.Merge(Merger(other.State, absorbed.State), RegisterOf(other.State, absorbed.State), Today)).EventsOf(absorbed.State.Id));

        Refused(Cooperative.Merge(Merger(survivor.State, gone), RegisterOf(survivor.State, gone), Today)).Rule.ShouldBe("cooperative-dissolved");
        Refused(Cooperative.Merge(Merger(gone, survivor.State), RegisterOf(survivor.State, gone), Today)).Rule.ShouldBe("cooperative-dissolved");
    }

    [Fact]
    public void The_participants_must_make_sense()
    {
        var (survivor, absorbed) = (Existing().State, Existing().State);
        var register = RegisterOf(survivor, absorbed);
        var merger = Merger(survivor, absorbed);

        Refused(Cooperative.Merge(merger with { AbsorbedIds = [] }, register, Today)).Rule.ShouldBe("merger-needs-absorbed-cooperative");
        Refused(Cooperative.Merge(merger with { AbsorbedIds = [absorbed.Id, survivor.Id] }, register, Today)).Rule.ShouldBe("survivor-cannot-be-absorbed");
        Refused(Cooperative.Merge(merger with { AbsorbedIds = [absorbed.Id, absorbed.Id] }, register, Today)).Rule.ShouldBe("participant-listed-twice");
    }

    [Fact]
    public void A_merger_takes_effect_neither_in_the_future_nor_before_a_participant_existed()
    {
        var (survivor, absorbed) = (Existing().State, Existing().State);
        var register = RegisterOf(survivor, absorbed);

        Refused(Cooperative.Merge(Merger(survivor, absorbed) with { EffectiveOn = Today.AddDays(1) }, register, Today)).Rule.ShouldBe("transformation-effective-in-future");
        Refused(Cooperative.Merge(Merger(survivor, absorbed) with { EffectiveOn = D(2015, 3, 1) }, register, Today)).Rule.ShouldBe("transformation-before-legal-entity");
    }
}
