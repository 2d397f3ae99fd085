using Koperasi.Registry.Supervision;
using Koperasi.ServiceDefaults.Time;
using Microsoft.Extensions.Time.Testing;
using static Koperasi.Registry.Tests.Domain.Registrations;

namespace Koperasi.Registry.Tests.Domain;

/// <summary>
/// The rule's defaults: tidak aktif after 3 financial years without a RAT; the RAT of year Y is
/// due by 30 June Y+1, so the deadline that counts it missed is 1 July Y+1 (WIB).
/// </summary>
public class EarlyWarningTests
{
    // 22 November 2026, 10:00 WIB.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 22, 3, 0, 0, TimeSpan.Zero));

    // Last RAT: 2023's. 2024 and 2025 missed; without the RAT of 2026 it is tidak aktif on 1 July 2027.
    private static Supervised TwoYearsMissed(string regency = "1502", string name = "Koperasi Dua Tahun") =>
        Supervised.Koperasi(regency, name, Rat(2023, D(2024, 3, 1)));

    // Last RAT: 2024's, held in 2025. Only 2025 missed.
    private static Supervised OneYearMissed() => Supervised.Koperasi(name: "Koperasi Satu Tahun", rats: Rat(2024, D(2025, 3, 1)));

    // Last RAT: 2022's. Tidak aktif since 1 July 2026.
    private static Supervised AlreadyInactive() => Supervised.Koperasi(name: "Koperasi Tidak Aktif", rats: Rat(2022, D(2023, 3, 1)));

    [Fact]
    public void A_koperasi_two_years_behind_is_warned_of_the_next_deadline_with_the_years_it_missed()
    {
        var atRisk = EarlyWarning.AtRisk([TwoYearsMissed().Koperasi(), OneYearMissed().Koperasi(), AlreadyInactive().Koperasi()], _clock.Today(), Policy)
            .ShouldHaveSingleItem();

        atRisk.Name.ShouldBe("Koperasi Dua Tahun");
        atRisk.BecomesTidakAktifOn.ShouldBe(D(2027, 7, 1));
        atRisk.DueYear.ShouldBe(2026);
        atRisk.YearsMissed.ShouldBe([2024, 2025]);
        atRisk.LastRatYear.ShouldBe(2023);
        atRisk.RegencyCode.ShouldBe("1502");
    }

    [Fact]
    public void When_the_clock_passes_the_deadline_the_warned_koperasi_became_tidak_aktif_and_the_next_ones_are_warned()
    {
        var koperasi = new[] { TwoYearsMissed().Koperasi(), OneYearMissed().Koperasi() };
        var year2027 = (From: D(2027, 1, 1), To: D(2027, 12, 31));

        _clock.SetUtcNow(new DateTimeOffset(2027, 6, 30, 16, 59, 0, TimeSpan.Zero)); // 30 June 2027, 23:59 WIB
        EarlyWarning.AtRisk(koperasi, _clock.Today(), Policy).ShouldHaveSingleItem().Name.ShouldBe("Koperasi Dua Tahun");
        EarlyWarning.BecameInactive(koperasi, year2027.From, year2027.To, _clock.Today(), Policy).ShouldBeEmpty();

        _clock.Advance(TimeSpan.FromMinutes(1)); // 1 July 2027, 00:00 WIB: the deadline of 2026's RAT
        var became = EarlyWarning.BecameInactive(koperasi, year2027.From, year2027.To, _clock.Today(), Policy).ShouldHaveSingleItem();
        (became.Name, became.BecameTidakAktifOn).ShouldBe(("Koperasi Dua Tahun", D(2027, 7, 1)));
        became.YearsMissed.ShouldBe([2024, 2025, 2026]);

        var next = EarlyWarning.AtRisk(koperasi, _clock.Today(), Policy).ShouldHaveSingleItem();
        (next.Name, next.BecomesTidakAktifOn, next.DueYear).ShouldBe(("Koperasi Satu Tahun", D(2028, 7, 1), 2027));
        next.YearsMissed.ShouldBe([2025, 2026]);
    }

    [Fact]
    public void Holding_the_RAT_before_the_deadline_takes_a_koperasi_off_the_list()
    {
        var koperasi = TwoYearsMissed();
        _clock.SetUtcNow(new DateTimeOffset(2027, 3, 10, 3, 0, 0, TimeSpan.Zero));
        EarlyWarning.AtRisk([koperasi.Koperasi()], _clock.Today(), Policy).ShouldHaveSingleItem();

        koperasi.And([.. Accepted(koperasi.Koperasi().ReportRat(Rat(2026, D(2027, 3, 9)), _clock.Today(), Policy))]);

        EarlyWarning.AtRisk([koperasi.Koperasi()], _clock.Today(), Policy).ShouldBeEmpty();
        _clock.SetUtcNow(new DateTimeOffset(2027, 7, 2, 3, 0, 0, TimeSpan.Zero));
        EarlyWarning.BecameInactive([koperasi.Koperasi()], D(2027, 1, 1), D(2027, 12, 31), _clock.Today(), Policy).ShouldBeEmpty();
    }

    [Fact]
    public void The_koperasi_that_became_tidak_aktif_in_a_period_are_those_whose_deadline_fell_in_it()
    {
        var koperasi = new[] { AlreadyInactive().Koperasi(), TwoYearsMissed().Koperasi() };

        var became = EarlyWarning.BecameInactive(koperasi, D(2026, 1, 1), D(2026, 12, 31), _clock.Today(), Policy).ShouldHaveSingleItem();

        (became.Name, became.BecameTidakAktifOn).ShouldBe(("Koperasi Tidak Aktif", D(2026, 7, 1)));
        became.YearsMissed.ShouldBe([2023, 2024, 2025]);
        EarlyWarning.BecameInactive(koperasi, D(2026, 7, 2), D(2026, 12, 31), _clock.Today(), Policy).ShouldBeEmpty();
    }

    [Fact]
    public void A_dissolved_koperasi_is_neither_warned_nor_counted_as_becoming_tidak_aktif_after_it_ended()
    {
        var dissolved = TwoYearsMissed().Dissolved(D(2027, 1, 15)).Koperasi();

        _clock.SetUtcNow(new DateTimeOffset(2027, 3, 1, 3, 0, 0, TimeSpan.Zero));
        EarlyWarning.AtRisk([dissolved], _clock.Today(), Policy).ShouldBeEmpty();
        _clock.SetUtcNow(new DateTimeOffset(2027, 8, 1, 3, 0, 0, TimeSpan.Zero));
        EarlyWarning.BecameInactive([dissolved], D(2027, 1, 1), D(2027, 12, 31), _clock.Today(), Policy).ShouldBeEmpty();
    }

    [Fact]
    public void The_list_narrows_to_a_regency_and_to_a_pembina_s_koperasi()
    {
        var merangin = TwoYearsMissed("1502", "Koperasi Merangin");
        Accepted(merangin.When((s, k) => s.AssignPembina(k, new AssignPembina(PembinaLevel.KabupatenKota, "pembina.merangin", "1502"), Supervised.Today)));
        var tebo = TwoYearsMissed("1508", "Koperasi Tebo");
        var all = new[] { merangin, tebo };
        var koperasi = all.Select(k => k.Koperasi()).ToList();

        EarlyWarning.AtRisk(koperasi, _clock.Today(), Policy).Count.ShouldBe(2);
        EarlyWarning.AtRiskInRegency(koperasi, "1508", _clock.Today(), Policy).ShouldHaveSingleItem().Name.ShouldBe("Koperasi Tebo");

        var mine = SupervisionQueries.KoperasiOf(all.Select(k => k.Supervision), "pembina.merangin", _clock.Today()).Select(s => s.CooperativeId).ToHashSet();
        EarlyWarning.AtRisk(koperasi.Where(k => mine.Contains(k.Id)), _clock.Today(), Policy).ShouldHaveSingleItem().Name.ShouldBe("Koperasi Merangin");
    }

    [Fact]
    public void The_years_missed_follow_the_policy()
    {
        var strict = Policy with { YearsWithoutRat = 2 };

        // Under a two-year rule, one missed year (2025) is the warning.
        var atRisk = EarlyWarning.AtRisk([OneYearMissed().Koperasi()], _clock.Today(), strict).ShouldHaveSingleItem();

        (atRisk.BecomesTidakAktifOn, atRisk.YearsMissed.Single()).ShouldBe((D(2027, 7, 1), 2025));
    }
}
