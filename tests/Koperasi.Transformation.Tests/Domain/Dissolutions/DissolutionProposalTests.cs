using Koperasi.Transformation.Cases;
using Koperasi.Transformation.Dissolutions;
using static Koperasi.Transformation.Tests.Domain.Dissolutions.GivenDissolution;

namespace Koperasi.Transformation.Tests.Domain.Dissolutions;

public class DissolutionProposalTests
{
    private static MembersDissolutionProposal ByMembers(Cooperatives.KnownCooperative known, int? count, DissolutionProposer proposer = DissolutionProposer.Members, DateOnly? on = null) =>
        new(Guid.NewGuid(), on ?? MembersProposedOn, known.Id, proposer, count);

    private static GovernmentDissolutionProposal ByGovernment(Cooperatives.KnownCooperative known, params DissolutionGround[] grounds) =>
        new(Guid.NewGuid(), GovernmentProposedOn, known.Id, grounds);

    [Fact]
    public void The_supervisory_board_opens_a_case_on_the_members_path()
    {
        var known = Coop();

        var state = State(ProposedByBoard(known));

        (state.Path, state.Stage, state.CooperativeId, state.RegencyCode).ShouldBe((DissolutionPath.MembersMeeting, DissolutionStage.Proposed, known.Id, "1505"));
        state.Cooperative.MemberCount.ShouldBe(100);
    }

    [Theory]
    [InlineData(20, true)]
    [InlineData(19, false)]
    public void Members_propose_with_at_least_a_fifth_of_the_registers_member_count(int proposers, bool accepted)
    {
        var known = Coop(members: 100);

        var decision = DissolutionCase.ProposeByMembers(ByMembers(known, proposers), Free(known), Today, Options);

        if (accepted)
        {
            Accepted(decision).Single().ShouldBeOfType<DissolutionProposedByMembers>().ProposerCount.ShouldBe(proposers);
        }
        else
        {
            var error = Rejected(decision);
            (error.Rule, error.Field).ShouldBe(("too-few-proposing-members", "proposerCount"));
            error.Detail.ShouldBe("19 of the 100 registered members propose the dissolution; at least 1/5 of the members must.");
        }
    }

    [Fact]
    public void The_proposers_share_is_configuration()
    {
        var known = Coop(members: 100);

        var decision = DissolutionCase.ProposeByMembers(ByMembers(known, 19), Free(known), Today, Options with { ProposerShare = new Fraction(1, 10) });

        Accepted(decision).ShouldHaveSingleItem();
    }

    [Fact]
    public void Members_proposing_give_their_count_and_the_board_does_not()
    {
        var known = Coop();

        Rejected(DissolutionCase.ProposeByMembers(ByMembers(known, null), Free(known), Today, Options)).Rule.ShouldBe("proposer-count-required");
        Rejected(DissolutionCase.ProposeByMembers(ByMembers(known, 30, DissolutionProposer.SupervisoryBoard), Free(known), Today, Options))
            .Rule.ShouldBe("proposer-count-only-for-members");
    }

    [Fact]
    public void Without_the_registers_member_count_the_share_of_proposers_cannot_be_checked()
    {
        var known = Coop() with { MemberCount = null };

        Rejected(DissolutionCase.ProposeByMembers(ByMembers(known, 50), Free(known), Today, Options)).Rule.ShouldBe("member-count-unknown");
    }

    [Fact]
    public void A_proposal_dated_after_today_is_refused()
    {
        var known = Coop();

        Rejected(DissolutionCase.ProposeByMembers(ByMembers(known, 50, on: Today.AddDays(1)), Free(known), Today, Options))
            .Rule.ShouldBe("proposal-in-future");
    }

    [Fact]
    public void A_koperasi_in_an_open_transformation_case_cannot_be_proposed_for_dissolution()
    {
        var known = Coop();
        var claimed = new Standing(known, new ParticipationClaim(known.Id, Guid.NewGuid(), Ended: false));

        var error = Rejected(DissolutionCase.ProposeByGovernment(ByGovernment(known, NoRat[0]), claimed, Today, Options));

        (error.Rule, error.Field).ShouldBe(("cooperative-in-open-case", "cooperativeId"));
    }

    [Fact]
    public void A_koperasi_in_an_open_dissolution_case_cannot_take_part_in_a_merger()
    {
        var (survivor, dissolving) = (Given.Known("Koperasi Maju Bersama"), Coop());
        var dissolutionCase = State(ProposedByBoard(dissolving));
        var standings = new Dictionary<Guid, Standing>
        {
            [survivor.Id] = new(survivor, null),
            [dissolving.Id] = new(dissolving, new ParticipationClaim(dissolving.Id, dissolutionCase.Id, Ended: false)),
        };

        var error = Rejected(TransformationCase.ProposeMerger(new MergerProposal(Guid.NewGuid(), Given.ProposedOn, survivor.Id, [dissolving.Id]), standings, Today));

        (error.Rule, error.Field).ShouldBe(("cooperative-in-open-case", "absorbedIds[0]"));
        error.Detail.ShouldContain(dissolutionCase.Id.ToString());
    }

    [Fact]
    public void A_koperasi_dissolved_or_unknown_to_the_register_cannot_be_proposed()
    {
        var dissolved = Coop() with { DissolvedOn = new DateOnly(2024, 1, 2), DissolutionReason = "merger" };
        var unknown = Cooperatives.KnownCooperative.Unknown(Guid.NewGuid());

        Rejected(DissolutionCase.ProposeByGovernment(ByGovernment(dissolved, NoRat[0]), Free(dissolved), Today, Options)).Rule.ShouldBe("cooperative-dissolved");
        Rejected(DissolutionCase.ProposeByGovernment(ByGovernment(unknown, NoRat[0]), Free(unknown), Today, Options)).Rule.ShouldBe("cooperative-unknown");
    }

    [Fact]
    public void The_government_names_at_least_one_ground_each_with_its_evidence()
    {
        var known = Coop();

        Rejected(DissolutionCase.ProposeByGovernment(ByGovernment(known), Free(known), Today, Options)).Rule.ShouldBe("grounds-required");
        var error = Rejected(DissolutionCase.ProposeByGovernment(
            ByGovernment(known, new DissolutionGround(DissolutionGroundKind.CourtDecision, "Putusan PN Jambi 12/Pdt.G/2024"), new DissolutionGround(DissolutionGroundKind.Bankruptcy, " ")),
            Free(known), Today, Options));
        (error.Rule, error.Field).ShouldBe(("ground-needs-evidence", "grounds[1].evidence"));
    }

    [Theory]
    [InlineData(2021, true)]
    [InlineData(2022, false)]
    [InlineData(null, true)]
    public void No_RAT_for_three_consecutive_years_is_checked_against_the_registers_latest_RAT(int? latestRatYear, bool accepted)
    {
        // Proposed in 2025: the last closed financial year is 2024, so 2022, 2023 and 2024 must be without a RAT.
        var known = Coop(latestRatYear: latestRatYear);

        var decision = DissolutionCase.ProposeByGovernment(ByGovernment(known, NoRat[0]), Free(known), Today, Options);

        if (accepted)
        {
            Accepted(decision).Single().ShouldBeOfType<DissolutionProposedByGovernment>().Grounds.ShouldBe(NoRat);
        }
        else
        {
            var error = Rejected(decision);
            (error.Rule, error.Field).ShouldBe(("no-rat-ground-contradicted", "grounds[0].kind"));
        }
    }

    [Theory]
    [InlineData("2023-06-02", true)]
    [InlineData("2023-06-03", false)]
    public void No_business_is_a_ground_after_two_years(string since, bool accepted)
    {
        var known = Coop();
        var ground = new DissolutionGround(DissolutionGroundKind.NoBusiness, "Berita acara kunjungan lapangan 2025", DateOnly.Parse(since, System.Globalization.CultureInfo.InvariantCulture));

        var decision = DissolutionCase.ProposeByGovernment(ByGovernment(known, ground), Free(known), Today, Options);

        (decision.Error?.Rule).ShouldBe(accepted ? null : "no-business-period-too-short");
    }

    [Fact]
    public void No_business_gives_its_start_and_only_it_does()
    {
        var known = Coop();

        Rejected(DissolutionCase.ProposeByGovernment(ByGovernment(known, new DissolutionGround(DissolutionGroundKind.NoBusiness, "BA 2025")), Free(known), Today, Options))
            .Rule.ShouldBe("no-business-ground-needs-since");
        Rejected(DissolutionCase.ProposeByGovernment(ByGovernment(known, new DissolutionGround(DissolutionGroundKind.Breach, "BA 2025", new DateOnly(2020, 1, 1))), Free(known), Today, Options))
            .Rule.ShouldBe("since-only-for-no-business");
    }

    [Fact]
    public void A_ground_is_named_once()
    {
        var known = Coop();

        Rejected(DissolutionCase.ProposeByGovernment(ByGovernment(known, NoRat[0], NoRat[0]), Free(known), Today, Options)).Rule.ShouldBe("ground-repeated");
    }
}
