using Koperasi.ServiceDefaults.Decisions;
using Koperasi.Transformation.Cases;
using Koperasi.Transformation.Cooperatives;
using static Koperasi.Transformation.Tests.Domain.Given;

namespace Koperasi.Transformation.Tests.Domain;

public class ProposalTests
{
    private static Decision Merger(KnownCooperative survivor, IReadOnlyDictionary<Guid, Standing> standings, DateOnly? proposedOn = null, params Guid[] absorbed) =>
        TransformationCase.ProposeMerger(new MergerProposal(Guid.NewGuid(), proposedOn ?? ProposedOn, survivor.Id, absorbed), standings, Today);

    [Fact]
    public void A_merger_names_the_survivor_first_and_keeps_what_the_register_said_of_each()
    {
        var (survivor, absorbed) = (Known("Koperasi Maju Bersama", "1571", 118), Known("Koperasi Tani Makmur", "1505", 64));

        var proposed = Accepted(Merger(survivor, Standings(survivor, absorbed), null, absorbed.Id)).ShouldHaveSingleItem().ShouldBeOfType<MergerProposed>();

        proposed.Survivor.ShouldBe(new Participant(survivor.Id, "Koperasi Maju Bersama", "1571", ParticipantRole.Survivor, 118));
        proposed.Absorbed.ShouldHaveSingleItem().ShouldBe(new Participant(absorbed.Id, "Koperasi Tani Makmur", "1505", ParticipantRole.Absorbed, 64));
        var state = State([proposed]);
        (state.State, state.Kind).ShouldBe((CaseState.Proposed, CaseKind.Merger));
        state.RegencyCodes.ShouldBe(["1505", "1571"]);
    }

    [Fact]
    public void A_merger_absorbs_at_least_one_koperasi()
    {
        var survivor = Known("Koperasi Maju Bersama");
        Rejected(Merger(survivor, Standings(survivor))).Rule.ShouldBe("merger-needs-absorbed-cooperative");
    }

    [Fact]
    public void A_koperasi_takes_part_once_in_a_case()
    {
        var (survivor, absorbed) = (Known("Koperasi Maju Bersama"), Known("Koperasi Tani Makmur"));

        var error = Rejected(Merger(survivor, Standings(survivor, absorbed), null, absorbed.Id, survivor.Id));

        (error.Rule, error.Field).ShouldBe(("participants-not-distinct", "absorbedIds[1]"));
    }

    [Fact]
    public void A_proposal_is_not_dated_after_today()
    {
        var (survivor, absorbed) = (Known("Koperasi Maju Bersama"), Known("Koperasi Tani Makmur"));
        var error = Rejected(Merger(survivor, Standings(survivor, absorbed), Today.AddDays(1), absorbed.Id));
        (error.Rule, error.Field).ShouldBe(("proposal-in-future", "proposedOn"));
    }

    [Fact]
    public void A_koperasi_the_register_never_announced_cannot_take_part()
    {
        var survivor = Known("Koperasi Maju Bersama");
        var stranger = Guid.NewGuid();

        var error = Rejected(Merger(survivor, new Dictionary<Guid, Standing> { [survivor.Id] = new(survivor, null), [stranger] = new(null, null) }, null, stranger));

        (error.Rule, error.Kind, error.Field).ShouldBe(("cooperative-unknown", DomainErrorKind.Unprocessable, "absorbedIds[0]"));
    }

    [Fact]
    public void A_koperasi_known_only_from_a_later_fact_is_not_yet_registered()
    {
        var survivor = Known("Koperasi Maju Bersama");
        var onlyARat = KnownCooperative.Unknown(Guid.NewGuid()).With(new Contracts.Registry.RatReported(Guid.NewGuid(), 2, DateTimeOffset.UnixEpoch, 2024, new DateOnly(2025, 3, 1), 40, 60, "in-person", false, null, null, null));

        Rejected(Merger(survivor, Standings(survivor, onlyARat), null, onlyARat.Id)).Rule.ShouldBe("cooperative-unknown");
    }

    [Fact]
    public void A_dissolved_koperasi_cannot_take_part()
    {
        var survivor = Known("Koperasi Maju Bersama");
        var dissolved = Known("Koperasi Lama").With(new Contracts.Registry.CooperativeDissolved(Guid.NewGuid(), 7, DateTimeOffset.UnixEpoch, "merger", new DateOnly(2026, 1, 2), null, null, true));

        Rejected(Merger(survivor, Standings(survivor, dissolved), null, dissolved.Id)).Rule.ShouldBe("cooperative-dissolved");
    }

    [Fact]
    public void A_koperasi_that_ended_in_a_completed_case_cannot_take_part_even_before_the_register_says_so()
    {
        var (survivor, absorbed) = (Known("Koperasi Maju Bersama"), Known("Koperasi Tani Makmur"));
        var standings = new Dictionary<Guid, Standing> { [survivor.Id] = new(survivor, null), [absorbed.Id] = new(absorbed, new ParticipationClaim(absorbed.Id, Guid.NewGuid(), Ended: true)) };

        Rejected(Merger(survivor, standings, null, absorbed.Id)).Rule.ShouldBe("cooperative-dissolved");
    }

    [Fact]
    public void A_koperasi_in_another_open_case_conflicts()
    {
        var (survivor, absorbed) = (Known("Koperasi Maju Bersama"), Known("Koperasi Tani Makmur"));
        var openCase = Guid.NewGuid();
        var standings = new Dictionary<Guid, Standing> { [survivor.Id] = new(survivor, new ParticipationClaim(survivor.Id, openCase, Ended: false)), [absorbed.Id] = new(absorbed, null) };

        var error = Rejected(Merger(survivor, standings, null, absorbed.Id));

        (error.Rule, error.Kind, error.Field).ShouldBe(("cooperative-in-open-case", DomainErrorKind.Conflict, "survivorId"));
        error.Detail.ShouldContain(openCase.ToString());
    }

    [Fact]
    public void An_amalgamation_founds_a_new_koperasi_with_the_id_the_case_chose()
    {
        var (a, b) = (Known("Koperasi A", "1571"), Known("Koperasi B", "1571"));
        var founded = NewKoperasi();

        var proposed = Accepted(TransformationCase.ProposeAmalgamation(new AmalgamationProposal(Guid.NewGuid(), ProposedOn, [a.Id, b.Id], founded), Standings(a, b), Today))
            .ShouldHaveSingleItem().ShouldBeOfType<AmalgamationProposed>();

        proposed.NewCooperative.ShouldBe(founded);
        proposed.Participants.Select(p => p.Role).ShouldAllBe(r => r == ParticipantRole.Participant);
        State([proposed]).RegencyCodes.ShouldBe(["1571", "1572"]);
    }

    [Fact]
    public void An_amalgamation_needs_two_participants()
    {
        var a = Known("Koperasi A");
        Rejected(TransformationCase.ProposeAmalgamation(new AmalgamationProposal(Guid.NewGuid(), ProposedOn, [a.Id], NewKoperasi()), Standings(a), Today))
            .Rule.ShouldBe("amalgamation-needs-two-participants");
    }

    [Theory]
    [InlineData(CooperativeType.SimpanPinjam, null)]
    [InlineData(CooperativeType.Konsumen, SavingsLoanScheme.CloseLoop)]
    public void The_new_koperasi_has_a_savings_and_loan_scheme_exactly_when_it_is_simpan_pinjam(CooperativeType type, SavingsLoanScheme? scheme)
    {
        var (a, b) = (Known("Koperasi A"), Known("Koperasi B"));
        var error = Rejected(TransformationCase.ProposeAmalgamation(new AmalgamationProposal(Guid.NewGuid(), ProposedOn, [a.Id, b.Id], NewKoperasi(type, scheme)), Standings(a, b), Today));
        (error.Rule, error.Field).ShouldBe(("savings-loan-scheme-only-for-simpan-pinjam", "newCooperative.savingsLoanScheme"));
    }

    [Fact]
    public void A_multi_pihak_new_koperasi_has_two_member_classes()
    {
        var (a, b) = (Known("Koperasi A"), Known("Koperasi B"));
        var error = Rejected(TransformationCase.ProposeAmalgamation(new AmalgamationProposal(Guid.NewGuid(), ProposedOn, [a.Id, b.Id], NewKoperasi(multiPihak: true, classes: ["petani", "Petani"])), Standings(a, b), Today));
        error.Rule.ShouldBe("multi-pihak-needs-two-member-classes");
    }

    [Theory]
    [InlineData("name", true)]
    [InlineData("businessField", true)]
    [InlineData("form", true)]
    [InlineData("domicile", true)]
    [InlineData("otherArticles", false)]
    public void A_change_of_name_domicile_type_form_or_business_field_needs_ratification_other_articles_do_not(string part, bool needed)
    {
        var cooperative = Known("Koperasi Maju Bersama", "1571");
        var changes = part switch
        {
            "name" => Changes(name: "Koperasi Serba Usaha Maju"),
            "businessField" => Changes(businessField: "Jasa angkutan"),
            "form" => Changes(form: CooperativeForm.Sekunder),
            "domicile" => Changes(domicile: new Domicile("Jl. Lintas 1", "Sungai Penuh", "1572", null, null)),
            _ => Changes(otherArticles: "Pasal 12: rapat anggota dapat diadakan secara daring."),
        };

        var proposed = AmendmentProposed(cooperative, changes).ShouldHaveSingleItem().ShouldBeOfType<ArticlesAmendmentProposed>();

        proposed.RatificationRequired.ShouldBe(needed);
    }

    [Fact]
    public void A_change_of_the_articles_changes_something()
    {
        var cooperative = Known("Koperasi Maju Bersama");
        var error = Rejected(TransformationCase.ProposeArticlesAmendment(new ArticlesAmendmentProposal(Guid.NewGuid(), ProposedOn, cooperative.Id, Changes()), Standings(cooperative), Today));
        error.Rule.ShouldBe("articles-amendment-needs-a-change");
    }

    [Theory]
    [InlineData("name", "changes.name")]
    [InlineData("type", "changes.type")]
    [InlineData("form", "changes.form")]
    public void A_part_that_stays_as_it_is_is_no_change(string part, string field)
    {
        var cooperative = Known("Koperasi Maju Bersama", type: "konsumen", form: "primer");
        var changes = part switch
        {
            "name" => Changes(name: " koperasi maju bersama "),
            "type" => Changes(type: CooperativeType.Konsumen),
            _ => Changes(form: CooperativeForm.Primer),
        };

        var error = Rejected(TransformationCase.ProposeArticlesAmendment(new ArticlesAmendmentProposal(Guid.NewGuid(), ProposedOn, cooperative.Id, changes), Standings(cooperative), Today));

        (error.Rule, error.Field).ShouldBe(("articles-part-unchanged", field));
    }

    [Fact]
    public void Moving_within_the_same_regency_is_a_notification_not_a_change_of_the_articles()
    {
        var cooperative = Known("Koperasi Maju Bersama", "1571");
        var changes = Changes(domicile: new Domicile("Jl. Baru 2", "Telanaipura", "1571", null, null));

        var error = Rejected(TransformationCase.ProposeArticlesAmendment(new ArticlesAmendmentProposal(Guid.NewGuid(), ProposedOn, cooperative.Id, changes), Standings(cooperative), Today));

        (error.Rule, error.Field).ShouldBe(("domicile-change-needs-another-regency", "changes.domicile.regencyCode"));
    }

    [Theory]
    [InlineData("konsumen", CooperativeType.SimpanPinjam, null, false)]
    [InlineData("konsumen", CooperativeType.SimpanPinjam, SavingsLoanScheme.OpenLoop, true)]
    [InlineData("konsumen", null, SavingsLoanScheme.OpenLoop, false)]
    [InlineData("simpan-pinjam", null, SavingsLoanScheme.OpenLoop, true)]
    [InlineData("simpan-pinjam", CooperativeType.Jasa, SavingsLoanScheme.OpenLoop, false)]
    public void A_scheme_belongs_to_a_koperasi_that_is_or_becomes_simpan_pinjam(string currentType, CooperativeType? newType, SavingsLoanScheme? scheme, bool accepted)
    {
        var cooperative = Known("Koperasi Maju Bersama", type: currentType);
        var decision = TransformationCase.ProposeArticlesAmendment(
            new ArticlesAmendmentProposal(Guid.NewGuid(), ProposedOn, cooperative.Id, Changes(type: newType, scheme: scheme, otherArticles: "Pasal 3")), Standings(cooperative), Today);

        if (accepted)
        {
            Accepted(decision).ShouldHaveSingleItem();
        }
        else
        {
            Rejected(decision).Rule.ShouldBe("savings-loan-scheme-only-for-simpan-pinjam");
        }
    }
}
