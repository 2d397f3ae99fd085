using Koperasi.Registry.Cooperatives;
using Koperasi.Registry.Supervision;
using static Koperasi.Registry.Tests.Domain.Registrations;

namespace Koperasi.Registry.Tests.Domain;

public class PembinaAssignmentTests
{
    private static readonly DateOnly Today = Supervised.Today;

    private static AssignPembina Kabupaten(string user, string regency = "1502") => new(PembinaLevel.KabupatenKota, user, regency);

    private static AssignPembina Provinsi(string user) => new(PembinaLevel.Provinsi, user, null);

    [Fact]
    public void A_pembina_is_assigned_at_its_level()
    {
        var koperasi = Supervised.Koperasi();

        var assigned = Accepted(koperasi.When((s, k) => s.AssignPembina(k, Kabupaten("pembina.merangin"), Today)))
            .ShouldHaveSingleItem().ShouldBeOfType<PembinaAssigned>();

        assigned.ShouldBe(new PembinaAssigned(koperasi.Koperasi().Id, PembinaLevel.KabupatenKota, "pembina.merangin", "1502", Today));
        koperasi.Supervision.PembinaOf(PembinaLevel.KabupatenKota)!.PembinaUserId.ShouldBe("pembina.merangin");
        koperasi.Supervision.PembinaOf(PembinaLevel.Provinsi).ShouldBeNull();
    }

    [Fact]
    public void A_koperasi_has_one_pembina_per_level_but_one_at_each_level()
    {
        var koperasi = Supervised.Koperasi();
        Accepted(koperasi.When((s, k) => s.AssignPembina(k, Kabupaten("pembina.merangin"), Today)));
        Accepted(koperasi.When((s, k) => s.AssignPembina(k, Provinsi("pembina.provinsi"), Today))).ShouldHaveSingleItem();

        var error = Rejected(koperasi.When((s, k) => s.AssignPembina(k, Kabupaten("pembina.lain"), Today)));

        error.Rule.ShouldBe("pembina-already-assigned");
        error.Field.ShouldBe("level");
        error.Kind.ShouldBe(Koperasi.ServiceDefaults.Decisions.DomainErrorKind.Conflict);
    }

    [Fact]
    public void Assigning_the_same_pembina_again_changes_nothing()
    {
        var koperasi = Supervised.Koperasi();
        Accepted(koperasi.When((s, k) => s.AssignPembina(k, Kabupaten("pembina.merangin"), Today)));

        Accepted(koperasi.When((s, k) => s.AssignPembina(k, Kabupaten("pembina.merangin"), Today))).ShouldBeEmpty();
        Accepted(koperasi.When((s, k) => s.ReassignPembina(k, Kabupaten("pembina.merangin"), Today))).ShouldBeEmpty();
    }

    [Fact]
    public void Reassignment_is_an_event_that_ends_the_previous_assignment()
    {
        var koperasi = Supervised.Koperasi();
        Accepted(koperasi.When((s, k) => s.AssignPembina(k, Kabupaten("pembina.lama"), D(2026, 1, 5))));

        var reassigned = Accepted(koperasi.When((s, k) => s.ReassignPembina(k, Kabupaten("pembina.baru"), Today)))
            .ShouldHaveSingleItem().ShouldBeOfType<PembinaReassigned>();

        (reassigned.PreviousPembinaUserId, reassigned.PembinaUserId, reassigned.ReassignedOn).ShouldBe(("pembina.lama", "pembina.baru", Today));
        var supervision = koperasi.Supervision;
        supervision.PembinaOf(PembinaLevel.KabupatenKota)!.PembinaUserId.ShouldBe("pembina.baru");
        SupervisionQueries.PembinaOn(supervision, Today.AddDays(-1)).ShouldBe(["pembina.lama"]);
        SupervisionQueries.PembinaOn(supervision, Today).ShouldBe(["pembina.baru"]);
    }

    [Fact]
    public void Only_an_assigned_level_can_be_reassigned() =>
        Rejected(Supervised.Koperasi().When((s, k) => s.ReassignPembina(k, Provinsi("pembina.provinsi"), Today))).Rule.ShouldBe("pembina-not-assigned");

    [Fact]
    public void A_kabupaten_pembina_supervises_only_its_regency()
    {
        var koperasi = Supervised.Koperasi(regency: "1502");

        var error = Rejected(koperasi.When((s, k) => s.AssignPembina(k, Kabupaten("pembina.sarolangun", "1503"), Today)));

        error.Rule.ShouldBe("pembina-outside-regency");
        error.Field.ShouldBe("regencyCode");
        error.Detail.ShouldContain("Sarolangun");
        error.Detail.ShouldContain("Merangin");
        Rejected(koperasi.When((s, k) => s.ReassignPembina(k, Kabupaten("pembina.sarolangun", "1503"), Today))).Rule.ShouldBe("pembina-outside-regency");
    }

    [Fact]
    public void A_kabupaten_pembina_names_its_regency_and_a_provincial_one_none()
    {
        var koperasi = Supervised.Koperasi();

        Rejected(koperasi.When((s, k) => s.AssignPembina(k, new AssignPembina(PembinaLevel.KabupatenKota, "pembina.merangin", null), Today)))
            .Rule.ShouldBe("pembina-regency-required");
        Rejected(koperasi.When((s, k) => s.AssignPembina(k, new AssignPembina(PembinaLevel.Provinsi, "pembina.provinsi", "1502"), Today)))
            .Rule.ShouldBe("provincial-pembina-has-no-regency");
        Rejected(koperasi.When((s, k) => s.AssignPembina(k, Kabupaten(" "), Today))).Field.ShouldBe("pembinaUserId");
    }

    [Fact]
    public void After_a_move_of_domicile_the_pembina_is_one_of_the_new_regency()
    {
        var koperasi = Supervised.Koperasi(regency: "1502");
        var moved = new ArticlesAmended(
            koperasi.Koperasi().Id, 2, D(2026, 10, 15), new ArticlesChange(Domicile: koperasi.Koperasi().Address with { RegencyCode = "1503" }),
            Cases.Deed, Cases.Ratified, Guid.NewGuid());
        koperasi.And(moved);

        koperasi.Supervision.RegencyCode.ShouldBe("1503");
        Rejected(koperasi.When((s, k) => s.AssignPembina(k, Kabupaten("pembina.merangin", "1502"), Today))).Rule.ShouldBe("pembina-outside-regency");
        Accepted(koperasi.When((s, k) => s.AssignPembina(k, Kabupaten("pembina.sarolangun", "1503"), Today))).ShouldHaveSingleItem();
    }

    [Fact]
    public void A_dissolved_koperasi_gets_no_pembina() =>
        Rejected(Supervised.Koperasi().Dissolved(D(2026, 10, 1)).When((s, k) => s.AssignPembina(k, Kabupaten("pembina.merangin"), Today)))
            .Rule.ShouldBe("cooperative-dissolved");

    [Fact]
    public void A_pembina_s_koperasi_are_those_it_supervised_on_the_day()
    {
        var mine = Supervised.Koperasi(name: "Koperasi A");
        Accepted(mine.When((s, k) => s.AssignPembina(k, Kabupaten("pembina.merangin"), D(2026, 3, 1))));
        var handedOver = Supervised.Koperasi(name: "Koperasi B");
        Accepted(handedOver.When((s, k) => s.AssignPembina(k, Kabupaten("pembina.merangin"), D(2026, 3, 1))));
        Accepted(handedOver.When((s, k) => s.ReassignPembina(k, Kabupaten("pembina.lain"), D(2026, 9, 1))));
        var other = Supervised.Koperasi(name: "Koperasi C");
        var all = new[] { mine.Supervision, handedOver.Supervision, other.Supervision };

        SupervisionQueries.KoperasiOf(all, "pembina.merangin", D(2026, 8, 31)).Count.ShouldBe(2);
        SupervisionQueries.KoperasiOf(all, "pembina.merangin", Today).ShouldHaveSingleItem().CooperativeId.ShouldBe(mine.Koperasi().Id);
        SupervisionQueries.KoperasiOf(all, "pembina.merangin", D(2026, 2, 28)).ShouldBeEmpty();
    }
}
