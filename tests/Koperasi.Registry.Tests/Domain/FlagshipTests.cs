using Koperasi.Registry.Cooperatives;
using Koperasi.Registry.Supervision;
using Koperasi.ServiceDefaults.Decisions;
using static Koperasi.Registry.Tests.Domain.Registrations;

namespace Koperasi.Registry.Tests.Domain;

public class FlagshipTests
{
    private static readonly DateOnly Today = Supervised.Today;

    private static DesignateFlagship For(string regency = "1502", DateOnly? from = null, DateOnly? until = null) =>
        new(Guid.NewGuid(), regency, "Unit usaha simpan pinjam sehat, RAT tepat waktu lima tahun berturut-turut.", from ?? D(2026, 11, 1), until ?? D(2027, 12, 31));

    [Fact]
    public void An_aktif_existing_koperasi_is_designated_flagship_of_its_regency_for_a_period()
    {
        var koperasi = Supervised.Koperasi();
        var command = For();

        var designated = Accepted(koperasi.When((s, k) => s.DesignateFlagship(k, command, Today, Policy))).ShouldHaveSingleItem().ShouldBeOfType<FlagshipDesignated>();

        designated.ShouldBe(new FlagshipDesignated(koperasi.Koperasi().Id, command.DesignationId, "1502", command.Reason, command.ValidFrom, command.ValidUntil, Today));
        koperasi.Supervision.Designations.ShouldHaveSingleItem().HoldsOn(Today).ShouldBeTrue();
    }

    [Fact]
    public void A_tidak_aktif_koperasi_cannot_be_designated()
    {
        // Last RAT 2022's: tidak aktif since 1 July 2026 by the rule.
        var inactive = Supervised.Koperasi(rats: Rat(2022, D(2023, 3, 1)));

        var error = Rejected(inactive.When((s, k) => s.DesignateFlagship(k, For(), Today, Policy)));

        (error.Rule, error.Kind).ShouldBe(("flagship-requires-aktif", DomainErrorKind.Conflict));
    }

    [Fact]
    public void A_dissolved_koperasi_cannot_be_designated() =>
        Rejected(Supervised.Koperasi().Dissolved(D(2026, 10, 1)).When((s, k) => s.DesignateFlagship(k, For(), Today, Policy))).Rule.ShouldBe("cooperative-dissolved");

    [Fact]
    public void A_flagship_is_a_koperasi_of_the_regency_it_is_flagship_of()
    {
        var error = Rejected(Supervised.Koperasi(regency: "1502").When((s, k) => s.DesignateFlagship(k, For(regency: "1508"), Today, Policy)));
        (error.Rule, error.Field).ShouldBe(("flagship-outside-regency", "regencyCode"));
    }

    [Theory]
    [InlineData(2027, 1, 1, 2026, 12, 31, "flagship-period-invalid", "validUntil")]
    [InlineData(2025, 1, 1, 2025, 12, 31, "flagship-period-over", "validUntil")]
    [InlineData(2014, 1, 1, 2027, 12, 31, "flagship-before-legal-entity", "validFrom")]
    public void The_period_is_checked(int fy, int fm, int fd, int uy, int um, int ud, string rule, string field)
    {
        var error = Rejected(Supervised.Koperasi().When((s, k) => s.DesignateFlagship(k, For(from: D(fy, fm, fd), until: D(uy, um, ud)), Today, Policy)));
        (error.Rule, error.Field).ShouldBe((rule, field));
    }

    [Fact]
    public void Designations_of_one_koperasi_do_not_overlap_until_one_is_ended()
    {
        var koperasi = Supervised.Koperasi();
        var first = For(from: D(2026, 1, 1), until: D(2027, 12, 31));
        Accepted(koperasi.When((s, k) => s.DesignateFlagship(k, first, Today, Policy)));

        Rejected(koperasi.When((s, k) => s.DesignateFlagship(k, For(from: D(2027, 1, 1), until: D(2028, 12, 31)), Today, Policy))).Rule.ShouldBe("flagship-already-designated");

        Accepted(koperasi.When((s, k) => s.EndFlagshipDesignation(new EndFlagshipDesignation(first.DesignationId, Today, "Diganti penetapan baru."), Today)))
            .ShouldHaveSingleItem().ShouldBeOfType<FlagshipDesignationEnded>();
        Accepted(koperasi.When((s, k) => s.DesignateFlagship(k, For(from: Today, until: D(2028, 12, 31)), Today, Policy))).ShouldHaveSingleItem();
        koperasi.Supervision.Designations[0].HoldsOn(Today.AddDays(-1)).ShouldBeTrue();
        koperasi.Supervision.Designations[0].HoldsOn(Today).ShouldBeFalse();
    }

    [Fact]
    public void A_designation_is_recorded_once()
    {
        var koperasi = Supervised.Koperasi();
        var command = For();
        Accepted(koperasi.When((s, k) => s.DesignateFlagship(k, command, Today, Policy)));

        Rejected(koperasi.When((s, k) => s.DesignateFlagship(k, command with { ValidFrom = D(2028, 1, 1), ValidUntil = D(2028, 12, 31) }, Today, Policy)))
            .Rule.ShouldBe("flagship-designation-already-recorded");
    }

    [Fact]
    public void Ending_a_designation_is_checked()
    {
        var koperasi = Supervised.Koperasi();
        var designation = For(from: D(2026, 11, 1), until: D(2027, 12, 31));
        Accepted(koperasi.When((s, k) => s.DesignateFlagship(k, designation, Today, Policy)));
        EndFlagshipDesignation End(DateOnly on) => new(designation.DesignationId, on, "Tidak lagi memenuhi kriteria.");

        Rejected(koperasi.When((s, k) => s.EndFlagshipDesignation(End(Today.AddDays(1)), Today))).Rule.ShouldBe("flagship-end-in-future");
        Rejected(koperasi.When((s, k) => s.EndFlagshipDesignation(End(D(2026, 11, 1)), Today))).Rule.ShouldBe("flagship-end-outside-period");
        Rejected(koperasi.When((s, k) => s.EndFlagshipDesignation(End(Today) with { DesignationId = Guid.NewGuid() }, Today))).Rule.ShouldBe("flagship-designation-not-found");
        Accepted(koperasi.When((s, k) => s.EndFlagshipDesignation(End(Today), Today)));
        Rejected(koperasi.When((s, k) => s.EndFlagshipDesignation(End(Today), Today))).Rule.ShouldBe("flagship-designation-already-ended");
    }

    [Fact]
    public void A_flagship_that_becomes_tidak_aktif_is_flagged_and_no_longer_counts()
    {
        // Last RAT 2023's: the rule makes it tidak aktif on 1 July 2027.
        var koperasi = Supervised.Koperasi(rats: Rat(2023, D(2024, 3, 1)));
        Accepted(koperasi.When((s, k) => s.DesignateFlagship(k, For(from: D(2026, 11, 1), until: D(2027, 12, 31)), Today, Policy)));

        Accepted(koperasi.When((_, k) => k.EvaluateActivity(D(2027, 7, 1), Policy))).ShouldHaveSingleItem().ShouldBeOfType<ActivityChanged>();

        var designation = koperasi.Supervision.Designations.Single();
        designation.Flag.ShouldBe(new FlagshipFlag(FlagshipFlagReason.TidakAktif, D(2027, 7, 1)));
        designation.HoldsOn(D(2027, 6, 30)).ShouldBeTrue();
        designation.HoldsOn(D(2027, 7, 1)).ShouldBeFalse();
        FlagshipQueries.Flagged([koperasi.Supervision], D(2027, 7, 1)).ShouldHaveSingleItem().Designation.DesignationId.ShouldBe(designation.DesignationId);
        FlagshipQueries.Flagged([koperasi.Supervision], D(2027, 6, 30)).ShouldBeEmpty();
    }

    [Fact]
    public void A_flagship_that_is_dissolved_is_flagged()
    {
        var koperasi = Supervised.Koperasi();
        Accepted(koperasi.When((s, k) => s.DesignateFlagship(k, For(), Today, Policy)));

        koperasi.Dissolved(D(2027, 2, 1));

        koperasi.Supervision.Designations.Single().Flag.ShouldBe(new FlagshipFlag(FlagshipFlagReason.Dissolved, D(2027, 2, 1)));
    }

    [Fact]
    public void A_flag_follows_a_corrected_activity_history()
    {
        var koperasi = Supervised.Koperasi(rats: Rat(2023, D(2024, 3, 1)));
        Accepted(koperasi.When((s, k) => s.DesignateFlagship(k, For(from: D(2026, 11, 1), until: D(2027, 12, 31)), Today, Policy)));
        Accepted(koperasi.When((_, k) => k.EvaluateActivity(D(2027, 7, 1), Policy)));

        // The RAT of 2026, held in time but entered late: the koperasi never became tidak aktif.
        var revised = Accepted(koperasi.When((_, k) => k.ReportRat(Rat(2026, D(2027, 5, 1)), D(2027, 8, 1), Policy)));

        revised.OfType<ActivityHistoryRevised>().ShouldHaveSingleItem();
        koperasi.Supervision.Designations.Single().Flag.ShouldBeNull();
    }

    [Fact]
    public void Regencies_without_a_flagship_on_a_day_are_a_query()
    {
        var merangin = Supervised.Koperasi(regency: "1502", rats: Rat(2023, D(2024, 3, 1)));
        Accepted(merangin.When((s, k) => s.DesignateFlagship(k, For("1502", D(2026, 11, 1), D(2027, 12, 31)), Today, Policy)));
        var tebo = Supervised.Koperasi(regency: "1508");
        Accepted(tebo.When((s, k) => s.DesignateFlagship(k, For("1508", D(2026, 11, 1), D(2026, 12, 31)), Today, Policy)));
        Accepted(merangin.When((_, k) => k.EvaluateActivity(D(2027, 7, 1), Policy)));
        var all = new[] { merangin.Supervision, tebo.Supervision };

        FlagshipQueries.RegenciesWithoutFlagship(all, D(2026, 10, 31)).Count.ShouldBe(11);
        FlagshipQueries.RegenciesWithoutFlagship(all, D(2026, 12, 1)).Select(r => r.Code).ShouldNotContain("1502");
        FlagshipQueries.RegenciesWithoutFlagship(all, D(2026, 12, 1)).Count.ShouldBe(9);
        FlagshipQueries.RegenciesWithoutFlagship(all, D(2027, 1, 1)).Select(r => r.Code).ShouldContain("1508");
        FlagshipQueries.RegenciesWithoutFlagship(all, D(2027, 6, 30)).Count.ShouldBe(10);
        FlagshipQueries.RegenciesWithoutFlagship(all, D(2027, 7, 1)).Count.ShouldBe(11, "a flagged flagship is no flagship");
    }
}
