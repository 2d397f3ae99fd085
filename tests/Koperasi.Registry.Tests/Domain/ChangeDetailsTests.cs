using Koperasi.Registry.Cooperatives;
using static Koperasi.Registry.Tests.Domain.Registrations;

namespace Koperasi.Registry.Tests.Domain;

public class ChangeDetailsTests
{
    private static readonly DateOnly Today = D(2026, 11, 22);

    [Fact]
    public void Changes_only_the_parts_that_differ()
    {
        var cooperative = Registered(Primer(D(2020, 3, 1)), Today);
        var board = new List<BoardMember> { new("Rahmat Hidayat", BoardPosition.Ketua) };
        var change = new DetailsChange(
            cooperative.Address with { Street = "Jl. Kapten Pattimura 5" }, board, cooperative.Contact, cooperative.Nib, null);

        var changed = Accepted(cooperative.ChangeDetails(change, Today, Policy)).ShouldHaveSingleItem().ShouldBeOfType<DetailsChanged>();

        changed.Address!.Street.ShouldBe("Jl. Kapten Pattimura 5");
        changed.Board.ShouldBe(board);
        changed.Contact.ShouldBeNull();
        changed.Nib.ShouldBeNull();
    }

    [Fact]
    public void Nothing_is_recorded_when_nothing_differs()
    {
        var cooperative = Registered(Primer(D(2020, 3, 1)), Today);
        var same = new DetailsChange(cooperative.Address, [.. cooperative.Board], cooperative.Contact, cooperative.Nib, cooperative.NikKoperasi);
        Accepted(cooperative.ChangeDetails(same, Today, Policy)).ShouldBeEmpty();
    }

    [Fact]
    public void Moving_to_another_regency_is_an_amendment_not_a_notification()
    {
        var cooperative = Registered(Primer(D(2020, 3, 1)), Today);
        var moved = new DetailsChange(cooperative.Address with { RegencyCode = "1501" }, null, null, null, null);
        var error = Rejected(cooperative.ChangeDetails(moved, Today, Policy));
        error.Rule.ShouldBe("domicile-change-needs-articles-amendment");
        error.Field.ShouldBe("address.regencyCode");
    }

    [Fact]
    public void A_NIK_koperasi_is_recorded_only_with_a_recent_RAT()
    {
        var cooperative = Registered(Primer(D(2015, 3, 1), Rat(2020, D(2021, 3, 1))), Today);
        var nik = new DetailsChange(null, null, null, null, new NikKoperasi("1571010042", D(2025, 10, 1)));
        Rejected(cooperative.ChangeDetails(nik, Today, Policy)).Rule.ShouldBe("nik-koperasi-needs-recent-rat");

        var recent = Registered(Primer(D(2015, 3, 1), Rat(2024, D(2025, 4, 1))), Today);
        Accepted(recent.ChangeDetails(nik, Today, Policy)).ShouldHaveSingleItem().ShouldBeOfType<DetailsChanged>()
            .NikKoperasi.ShouldBe(nik.NikKoperasi);
    }
}
