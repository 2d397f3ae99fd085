using Koperasi.Registry.Cooperatives;
using static Koperasi.Registry.Tests.Domain.Cases;
using static Koperasi.Registry.Tests.Domain.Registrations;

namespace Koperasi.Registry.Tests.Domain;

public class ArticlesTests
{
    [Fact]
    public void The_registration_is_version_1_of_the_articles()
    {
        var cooperative = Existing().State;

        var founding = cooperative.ArticlesVersions().ShouldHaveSingleItem();

        (founding.Version, founding.EffectiveOn, founding.Name, founding.Type, founding.Form).ShouldBe((1, D(2015, 3, 2), cooperative.Name, CooperativeType.Konsumen, CooperativeForm.Primer));
        founding.Domicile.ShouldBe(cooperative.Address);
        founding.Ratification.ShouldBe(new Ratification(cooperative.LegalEntity.DecreeNumber, cooperative.LegalEntity.DecreeDate));
        founding.Changed.ShouldBeEmpty();
    }

    [Fact]
    public void An_amendment_adds_the_next_version_and_the_koperasi_follows_it_keeping_the_earlier_one()
    {
        var (given, cooperative) = Existing();
        var amendment = Amendment(new ArticlesChange(Name: "Koperasi Jasa Maju", Type: CooperativeType.Jasa, BusinessField: cooperative.BusinessField));

        var amended = Accepted(cooperative.AmendArticles(amendment, Today)).ShouldHaveSingleItem().ShouldBeOfType<ArticlesAmended>();

        (amended.ArticlesVersion, amended.EffectiveOn, amended.CaseId).ShouldBe((2, EffectiveOn, (Guid?)amendment.CaseId));
        amended.Changes.ShouldBe(new ArticlesChange(Name: "Koperasi Jasa Maju", Type: CooperativeType.Jasa));
        var after = After(given, [amended]);
        (after.Name, after.Type, after.BusinessField).ShouldBe(("Koperasi Jasa Maju", CooperativeType.Jasa, cooperative.BusinessField));
        var versions = after.ArticlesVersions();
        versions.Select(v => v.Version).ShouldBe([1, 2]);
        (versions[0].Name, versions[0].Type).ShouldBe((cooperative.Name, CooperativeType.Konsumen));
        versions[1].Changed.ShouldBe(["name", "type"]);
        (versions[1].Deed, versions[1].Ratification).ShouldBe((Deed, amendment.Ratification));
    }

    [Fact]
    public void An_amendment_may_move_the_domicile_to_another_regency()
    {
        var (given, cooperative) = Existing();
        var kerinci = new Address("Jl. Diponegoro 3", null, "Sitinjau Laut", "1501", null);

        var events = Accepted(cooperative.AmendArticles(Amendment(new ArticlesChange(Domicile: kerinci)), Today));

        After(given, events).Address.RegencyCode.ShouldBe("1501");
    }

    [Fact]
    public void An_amendment_that_changes_nothing_is_refused()
    {
        var cooperative = Existing().State;
        var same = new ArticlesChange(cooperative.Name, cooperative.Address, cooperative.Type, null, cooperative.Form, cooperative.BusinessField);

        Rejected(cooperative.AmendArticles(Amendment(same), Today)).Rule.ShouldBe("articles-amendment-changes-nothing");
        Rejected(cooperative.AmendArticles(Amendment(new ArticlesChange()), Today)).Rule.ShouldBe("articles-amendment-changes-nothing");
    }

    [Fact]
    public void Only_a_simpan_pinjam_koperasi_has_a_scheme_and_it_must_have_one()
    {
        var (given, cooperative) = Existing();

        Rejected(cooperative.AmendArticles(Amendment(new ArticlesChange(Type: CooperativeType.SimpanPinjam)), Today)).Rule.ShouldBe("savings-loan-scheme-only-for-simpan-pinjam");
        Rejected(cooperative.AmendArticles(Amendment(new ArticlesChange(SavingsLoanScheme: SavingsLoanScheme.CloseLoop)), Today)).Rule.ShouldBe("savings-loan-scheme-only-for-simpan-pinjam");

        var toSimpanPinjam = Accepted(cooperative.AmendArticles(Amendment(new ArticlesChange(Type: CooperativeType.SimpanPinjam, SavingsLoanScheme: SavingsLoanScheme.CloseLoop), D(2026, 1, 5)), Today));
        var simpanPinjam = After(given, toSimpanPinjam);
        simpanPinjam.SavingsLoanScheme.ShouldBe(SavingsLoanScheme.CloseLoop);

        var back = Accepted(simpanPinjam.AmendArticles(Amendment(new ArticlesChange(Type: CooperativeType.Jasa)), Today));
        var jasa = After([.. given, .. toSimpanPinjam], back);
        (jasa.Type, jasa.SavingsLoanScheme).ShouldBe((CooperativeType.Jasa, (SavingsLoanScheme?)null));
        jasa.ArticlesVersions()[^1].Changed.ShouldBe(["type", "savingsLoanScheme"]);
    }

    [Fact]
    public void A_version_cannot_take_effect_before_the_current_one_nor_in_the_future()
    {
        var (given, cooperative) = Existing();
        var second = After(given, Accepted(cooperative.AmendArticles(Amendment(new ArticlesChange(Name: "Koperasi Baru")), Today)));

        Rejected(second.AmendArticles(Amendment(new ArticlesChange(Name: "Koperasi Lama"), D(2026, 1, 1)), Today)).Rule.ShouldBe("articles-effective-before-current-version");
        Rejected(cooperative.AmendArticles(Amendment(new ArticlesChange(Name: "Koperasi Esok"), Today.AddDays(1)), Today)).Rule.ShouldBe("transformation-effective-in-future");
    }

    [Fact]
    public void A_change_of_name_domicile_type_form_or_business_field_needs_the_ratification()
    {
        var cooperative = Existing().State;

        Rejected(cooperative.AmendArticles(Amendment(new ArticlesChange(BusinessField: "Jasa angkutan")) with { Ratification = null }, Today)).Rule
            .ShouldBe("articles-amendment-needs-ratification");
        Accepted(cooperative.AmendArticles(Amendment(new ArticlesChange(OtherArticles: "Pasal 12: simpanan wajib Rp 10.000")) with { Ratification = null }, Today))
            .ShouldHaveSingleItem();
    }

    [Fact]
    public void The_same_case_applied_again_changes_nothing()
    {
        var (given, cooperative) = Existing();
        var amendment = Amendment(new ArticlesChange(Name: "Koperasi Baru"));
        var after = After(given, Accepted(cooperative.AmendArticles(amendment, Today)));

        Accepted(after.AmendArticles(amendment, Today)).ShouldBeEmpty();
    }
}
