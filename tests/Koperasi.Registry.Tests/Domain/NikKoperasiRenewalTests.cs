using Koperasi.Registry.Cooperatives;
using Koperasi.Registry.Supervision;
using static Koperasi.Registry.Tests.Domain.Registrations;

namespace Koperasi.Registry.Tests.Domain;

/// <summary>A NIK koperasi is valid on a day when issued or renewed within the year before and the koperasi exists.</summary>
public class NikKoperasiRenewalTests
{
    private static readonly DateOnly Today = Supervised.Today;
    private const string Number = "1502-2025-000042";

    // RAT of 2024 held on 1 March 2025; NIK koperasi issued on 1 June 2025.
    private static Supervised Holder(string number = Number, DateOnly? issuedOn = null)
    {
        var koperasi = Supervised.Koperasi();
        var nik = new DetailsChange(null, null, null, null, new NikKoperasi(number, issuedOn ?? D(2025, 6, 1)));
        Accepted(koperasi.When((_, k) => k.ChangeDetails(nik, Today, Policy)));
        return koperasi;
    }

    private static RenewNikKoperasi Renewal(DateOnly on, string number = Number) => new(number, on);

    [Fact]
    public void An_issued_number_is_valid_for_a_year()
    {
        var supervision = Holder().Supervision;

        supervision.HoldsValidNikKoperasiOn(D(2025, 5, 31)).ShouldBeFalse();
        supervision.HoldsValidNikKoperasiOn(D(2025, 6, 1)).ShouldBeTrue();
        supervision.HoldsValidNikKoperasiOn(D(2026, 5, 31)).ShouldBeTrue();
        supervision.HoldsValidNikKoperasiOn(D(2026, 6, 1)).ShouldBeFalse();
    }

    [Fact]
    public void A_renewal_keeps_it_valid_for_another_year_from_the_renewal()
    {
        var koperasi = Holder();

        var renewed = Accepted(koperasi.When((s, k) => s.RenewNikKoperasi(k, Renewal(D(2026, 7, 15)), Today))).ShouldHaveSingleItem().ShouldBeOfType<NikKoperasiRenewed>();

        renewed.ShouldBe(new NikKoperasiRenewed(koperasi.Koperasi().Id, Number, D(2026, 7, 15)));
        var supervision = koperasi.Supervision;
        supervision.HoldsValidNikKoperasiOn(D(2026, 6, 1)).ShouldBeFalse("it lapsed between the year's end and the renewal");
        supervision.HoldsValidNikKoperasiOn(D(2026, 7, 15)).ShouldBeTrue();
        supervision.HoldsValidNikKoperasiOn(D(2027, 7, 14)).ShouldBeTrue();
        supervision.HoldsValidNikKoperasiOn(D(2027, 7, 15)).ShouldBeFalse();
    }

    [Fact]
    public void A_renewal_recorded_again_changes_nothing()
    {
        var koperasi = Holder();
        Accepted(koperasi.When((s, k) => s.RenewNikKoperasi(k, Renewal(D(2026, 7, 15)), Today)));

        Accepted(koperasi.When((s, k) => s.RenewNikKoperasi(k, Renewal(D(2026, 7, 15), " 1502-2025-000042 "), Today))).ShouldBeEmpty();
    }

    [Fact]
    public void Only_the_number_the_koperasi_holds_is_renewed()
    {
        Rejected(Supervised.Koperasi().When((s, k) => s.RenewNikKoperasi(k, Renewal(D(2026, 7, 15)), Today))).Rule.ShouldBe("nik-koperasi-not-held");

        var error = Rejected(Holder().When((s, k) => s.RenewNikKoperasi(k, Renewal(D(2026, 7, 15), "1502-2025-000043"), Today)));
        (error.Rule, error.Field).ShouldBe(("nik-koperasi-renewal-other-number", "number"));
    }

    [Fact]
    public void A_renewal_falls_between_the_issue_and_today()
    {
        Rejected(Holder().When((s, k) => s.RenewNikKoperasi(k, Renewal(Today.AddDays(1)), Today))).Rule.ShouldBe("nik-koperasi-renewed-in-future");
        Rejected(Holder().When((s, k) => s.RenewNikKoperasi(k, Renewal(D(2025, 6, 1)), Today))).Rule.ShouldBe("nik-koperasi-renewal-before-issue");
    }

    [Fact]
    public void A_dissolved_koperasi_renews_nothing_and_holds_no_valid_number()
    {
        var koperasi = Holder(issuedOn: D(2026, 1, 10)).Dissolved(D(2026, 3, 1));

        Rejected(koperasi.When((s, k) => s.RenewNikKoperasi(k, Renewal(Today), Today))).Rule.ShouldBe("cooperative-dissolved");
        koperasi.Supervision.HoldsValidNikKoperasiOn(D(2026, 2, 28)).ShouldBeTrue();
        koperasi.Supervision.HoldsValidNikKoperasiOn(D(2026, 3, 1)).ShouldBeFalse();
    }

    [Fact]
    public void A_new_number_starts_its_own_year_and_the_old_one_is_no_longer_renewed()
    {
        var koperasi = Holder();
        var replaced = new DetailsChange(null, null, null, null, new NikKoperasi("1502-2026-000007", D(2026, 8, 1)));
        Accepted(koperasi.When((_, k) => k.ChangeDetails(replaced, Today, Policy)));

        Rejected(koperasi.When((s, k) => s.RenewNikKoperasi(k, Renewal(Today), Today))).Rule.ShouldBe("nik-koperasi-renewal-other-number");
        koperasi.Supervision.HoldsValidNikKoperasiOn(D(2026, 7, 31)).ShouldBeFalse();
        koperasi.Supervision.HoldsValidNikKoperasiOn(D(2026, 8, 1)).ShouldBeTrue();
    }

    [Fact]
    public void The_holders_of_a_valid_number_on_a_day_are_counted()
    {
        var renewed = Holder("1502-2025-000001");
        Accepted(renewed.When((s, k) => s.RenewNikKoperasi(k, Renewal(D(2026, 5, 20), "1502-2025-000001"), Today)));
        var lapsed = Holder("1502-2025-000002");
        var without = Supervised.Koperasi();
        var all = new[] { renewed.Supervision, lapsed.Supervision, without.Supervision };

        CooperativeSupervision.ValidNikKoperasiHolders(all, D(2025, 8, 29)).ShouldBe(2);
        CooperativeSupervision.ValidNikKoperasiHolders(all, D(2026, 8, 29)).ShouldBe(1);
    }

    [Fact]
    public void A_renewal_claims_its_number_so_another_koperasi_holding_it_is_refused()
    {
        var renewed = new NikKoperasiRenewed(Guid.NewGuid(), " 1502-2025-000042\t", D(2026, 7, 15));

        IdentifierClaim.KeysGivenBy([renewed]).ShouldBe([IdentifierClaim.KeyOfNikKoperasi(Number)], "the same number, spaces aside");
        IdentifierClaim.Conflict(IdentifierClaim.KeyOfNikKoperasi(Number), Guid.NewGuid()).Rule.ShouldBe("nik-koperasi-already-registered");
    }
}
