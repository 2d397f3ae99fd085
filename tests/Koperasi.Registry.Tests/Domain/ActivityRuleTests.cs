using Koperasi.Registry.Activity;
using Koperasi.Registry.Cooperatives;
using static Koperasi.Registry.Tests.Domain.Registrations;

namespace Koperasi.Registry.Tests.Domain;

public class ActivityRuleTests
{
    private static RatRecord Held(int year, DateOnly on) => new(year, on, 30, 40, RatMode.InPerson, false, null, null, null);

    [Fact]
    public void A_koperasi_without_RAT_becomes_tidak_aktif_when_the_third_missed_year_is_due()
    {
        // Legal entity in 2008: it owes 2009, 2010, 2011; the 2011 RAT is due by 30 June 2012.
        ActivityRule.StatusOn(D(2012, 6, 30), D(2008, 8, 14), [], Policy).ShouldBe(ActivityStatus.Aktif);
        ActivityRule.StatusOn(D(2012, 7, 1), D(2008, 8, 14), [], Policy).ShouldBe(ActivityStatus.TidakAktif);
    }

    [Fact]
    public void Its_founding_year_is_not_owed()
    {
        // Founded in January 2022: owes 2023, 2024, 2025; the last is due by 30 June 2026.
        ActivityRule.StatusOn(D(2026, 6, 30), D(2022, 1, 5), [], Policy).ShouldBe(ActivityStatus.Aktif);
        ActivityRule.StatusOn(D(2026, 7, 1), D(2022, 1, 5), [], Policy).ShouldBe(ActivityStatus.TidakAktif);
    }

    [Fact]
    public void A_RAT_counts_from_the_day_it_was_held()
    {
        var rats = new[] { Held(2021, D(2022, 4, 2)) };
        ActivityRule.StatusOn(D(2025, 6, 30), D(2010, 1, 1), rats, Policy).ShouldBe(ActivityStatus.Aktif);
        ActivityRule.StatusOn(D(2025, 7, 1), D(2010, 1, 1), rats, Policy).ShouldBe(ActivityStatus.TidakAktif);
        ActivityRule.StatusOn(D(2022, 4, 1), D(2010, 1, 1), rats, Policy).ShouldBe(ActivityStatus.TidakAktif);
    }

    [Fact]
    public void A_RAT_of_a_year_not_yet_due_makes_it_aktif_again()
    {
        var rats = new[] { Held(2018, D(2019, 3, 1)), Held(2025, D(2026, 2, 10)) };
        ActivityRule.StatusOn(D(2026, 2, 9), D(2010, 1, 1), rats, Policy).ShouldBe(ActivityStatus.TidakAktif);
        ActivityRule.StatusOn(D(2026, 2, 10), D(2010, 1, 1), rats, Policy).ShouldBe(ActivityStatus.Aktif);
    }

    [Fact]
    public void The_number_of_years_is_policy()
    {
        var rats = new[] { Held(2021, D(2022, 4, 2)) };
        var fourYears = Policy with { YearsWithoutRat = 4 };
        ActivityRule.StatusOn(D(2025, 8, 29), D(2010, 1, 1), rats, Policy).ShouldBe(ActivityStatus.TidakAktif);
        ActivityRule.StatusOn(D(2025, 8, 29), D(2010, 1, 1), rats, fourYears).ShouldBe(ActivityStatus.Aktif);
    }

    [Fact]
    public void The_RAT_deadline_is_policy()
    {
        var threeMonths = Policy with { RatDeadlineMonths = 3 };
        threeMonths.DeadlineOf(2024).ShouldBe(D(2025, 4, 1));
        Policy.DeadlineOf(2024).ShouldBe(D(2025, 7, 1));
        ActivityRule.StatusOn(D(2012, 4, 1), D(2008, 8, 14), [], threeMonths).ShouldBe(ActivityStatus.TidakAktif);
        ActivityRule.StatusOn(D(2012, 4, 1), D(2008, 8, 14), [], Policy).ShouldBe(ActivityStatus.Aktif);
    }

    [Fact]
    public void The_history_starts_aktif_and_changes_only_on_deadlines_and_RATs()
    {
        var rats = new[] { Held(2015, D(2016, 5, 20)) };
        var history = ActivityRule.History(D(2008, 8, 14), rats, D(2026, 11, 22), Policy);
        history.ShouldBe(
        [
            new ActivityPeriod(D(2008, 8, 14), ActivityStatus.Aktif),
            new ActivityPeriod(D(2012, 7, 1), ActivityStatus.TidakAktif),
            new ActivityPeriod(D(2016, 5, 20), ActivityStatus.Aktif),
            new ActivityPeriod(D(2019, 7, 1), ActivityStatus.TidakAktif),
        ]);
    }
}
