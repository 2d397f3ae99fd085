using Koperasi.Registry.Cooperatives;
using Koperasi.ServiceDefaults.Decisions;
using static Koperasi.Registry.Tests.Domain.Registrations;

namespace Koperasi.Registry.Tests.Domain;

public class RegisterTests
{
    private static readonly DateOnly Today = D(2026, 11, 22);

    [Fact]
    public void Registers_the_koperasi_then_its_RATs_in_the_order_held_then_its_activity()
    {
        var command = Primer(D(2015, 3, 2), Rat(2023, D(2024, 4, 1)), Rat(2019, D(2020, 2, 1)));

        var events = Accepted(Cooperative.Register(command, Today, Policy));

        events[0].ShouldBeOfType<RegistrationRecorded>().LegalEntity.ShouldBe(command.LegalEntity);
        events.OfType<RatRecorded>().Select(r => r.FinancialYear).ShouldBe([2019, 2023]);
        // No RAT for 2016-2018 by mid-2019: tidak aktif; aktif again with the 2019 RAT; 2020-2022 missed.
        events.OfType<ActivityChanged>().Select(c => (c.To, c.EffectiveOn)).ShouldBe(
        [
            (ActivityStatus.TidakAktif, D(2019, 7, 1)),
            (ActivityStatus.Aktif, D(2020, 2, 1)),
            (ActivityStatus.TidakAktif, D(2023, 7, 1)),
            (ActivityStatus.Aktif, D(2024, 4, 1)),
        ]);
        Given(events).Activity.ShouldBe(ActivityStatus.Aktif);
    }

    [Fact]
    public void The_registrations_member_count_is_the_one_stored_and_published_whatever_its_RAT_history_counts()
    {
        var command = Primer(D(2015, 3, 2), Rat(2024, D(2025, 3, 1), 50, 56)) with { MemberCount = 40 };

        var events = Accepted(Cooperative.Register(command, Today, Policy));

        events[0].ShouldBeOfType<RegistrationRecorded>().MemberCount.ShouldBe(40);
        events.OfType<RatRecorded>().Single().MemberCount.ShouldBeNull();
        Given(events).MemberCount.ShouldBe(40);
    }

    [Fact]
    public void A_primer_needs_nine_founders()
    {
        var error = Rejected(Cooperative.Register(Primer(D(2022, 5, 1)) with { FoundingMembers = 8 }, Today, Policy));
        error.Rule.ShouldBe("primer-needs-minimum-founders");
        error.Field.ShouldBe("foundingMembers");
        Accepted(Cooperative.Register(Primer(D(2022, 5, 1)) with { FoundingMembers = 9 }, Today, Policy));
    }

    [Fact]
    public void A_primer_founded_before_2021_needed_twenty()
    {
        Rejected(Cooperative.Register(Primer(D(2019, 5, 1)) with { FoundingMembers = 19 }, Today, Policy)).Rule.ShouldBe("primer-needs-minimum-founders");
        Accepted(Cooperative.Register(Primer(D(2019, 5, 1)) with { FoundingMembers = 20 }, Today, Policy));
    }

    [Fact]
    public void A_sekunder_needs_three_founding_cooperatives()
    {
        var sekunder = Primer(D(2022, 5, 1)).Profiled(p => p with { Form = CooperativeForm.Sekunder }) with { FoundingMembers = 2 };
        Rejected(Cooperative.Register(sekunder, Today, Policy)).Rule.ShouldBe("sekunder-needs-three-founding-cooperatives");
        Accepted(Cooperative.Register(sekunder with { FoundingMembers = 3 }, Today, Policy));
    }

    [Fact]
    public void A_multi_pihak_koperasi_has_two_member_classes()
    {
        var multi = Primer(D(2022, 5, 1)).Profiled(p => p with { MultiPihak = true, MemberClasses = ["petani"] });
        Rejected(Cooperative.Register(multi, Today, Policy)).Rule.ShouldBe("multi-pihak-needs-two-member-classes");
        Accepted(Cooperative.Register(multi.Profiled(p => p with { MemberClasses = ["petani", "pedagang"] }), Today, Policy));
    }

    [Fact]
    public void Only_a_simpan_pinjam_koperasi_has_a_savings_loan_scheme_and_it_must()
    {
        var simpanPinjam = Primer(D(2022, 5, 1)).Profiled(p => p with { Type = CooperativeType.SimpanPinjam });
        Rejected(Cooperative.Register(simpanPinjam, Today, Policy)).Rule.ShouldBe("savings-loan-scheme-only-for-simpan-pinjam");
        Accepted(Cooperative.Register(simpanPinjam.Profiled(p => p with { SavingsLoanScheme = SavingsLoanScheme.OpenLoop }), Today, Policy));
        Rejected(Cooperative.Register(Primer(D(2022, 5, 1)).Profiled(p => p with { SavingsLoanScheme = SavingsLoanScheme.CloseLoop }), Today, Policy))
            .Rule.ShouldBe("savings-loan-scheme-only-for-simpan-pinjam");
    }

    [Fact]
    public void The_decree_cannot_be_dated_after_today_nor_precede_the_deed()
    {
        Rejected(Cooperative.Register(Primer(Today.AddDays(1)), Today, Policy)).Rule.ShouldBe("decree-date-in-future");
        var deedAfter = Primer(D(2022, 5, 1)) with { Deed = new NotarialDeed("12", D(2022, 6, 1), "Notaris Rahmat, S.H.") };
        Rejected(Cooperative.Register(deedAfter, Today, Policy)).Rule.ShouldBe("deed-after-decree");
    }

    [Fact]
    public void A_history_cannot_list_a_year_twice()
    {
        var twice = Primer(D(2015, 3, 2), Rat(2020, D(2021, 3, 1)), Rat(2020, D(2021, 5, 1)));
        Rejected(Cooperative.Register(twice, Today, Policy)).Rule.ShouldBe("rat-year-already-reported");
    }

    [Fact]
    public void A_NIK_koperasi_needs_a_RAT_in_the_two_years_before_it_was_issued()
    {
        var issued = new NikKoperasi("1571010001", D(2025, 9, 1));
        var withoutRecentRat = Primer(D(2015, 3, 2), Rat(2021, D(2022, 3, 1))) with { NikKoperasi = issued };
        Rejected(Cooperative.Register(withoutRecentRat, Today, Policy)).Rule.ShouldBe("nik-koperasi-needs-recent-rat");

        var withRecentRat = Primer(D(2015, 3, 2), Rat(2024, D(2025, 3, 1))) with { NikKoperasi = issued };
        Given(Accepted(Cooperative.Register(withRecentRat, Today, Policy))).NikKoperasi.ShouldBe(issued);
    }

    [Fact]
    public void A_late_RAT_in_the_history_is_accepted_and_flagged()
    {
        var events = Accepted(Cooperative.Register(Primer(D(2015, 3, 2), Rat(2023, D(2024, 7, 1)), Rat(2022, D(2023, 6, 30))), Today, Policy));
        events.OfType<RatRecorded>().Select(r => (r.FinancialYear, r.Late)).ShouldBe([(2022, false), (2023, true)]);
    }

    [Fact]
    public void A_broken_rule_in_the_history_names_the_entry()
    {
        var error = Rejected(Cooperative.Register(Primer(D(2015, 3, 2), Rat(2023, D(2023, 12, 1))), Today, Policy));
        error.Rule.ShouldBe("rat-before-year-closed");
        error.Field.ShouldBe("ratHistory[0].heldOn");
        error.Kind.ShouldBe(DomainErrorKind.Unprocessable);
    }
}
