using Koperasi.Registry.Cooperatives;
using Koperasi.ServiceDefaults.Decisions;
using static Koperasi.Registry.Tests.Domain.Registrations;

namespace Koperasi.Registry.Tests.Domain;

public class ReportRatTests
{
    private static readonly DateOnly Today = D(2026, 11, 22);

    [Fact]
    public void A_RAT_held_within_the_window_is_not_late()
    {
        var cooperative = Registered(Primer(D(2020, 3, 1), Rat(2023, D(2024, 3, 1))), Today);
        var events = Accepted(cooperative.ReportRat(Rat(2024, D(2025, 6, 30)), Today, Policy));
        events[0].ShouldBeOfType<RatRecorded>().Late.ShouldBeFalse();
    }

    [Fact]
    public void A_late_RAT_is_accepted_and_flagged()
    {
        var cooperative = Registered(Primer(D(2020, 3, 1), Rat(2023, D(2024, 3, 1))), Today);
        var events = Accepted(cooperative.ReportRat(Rat(2024, D(2025, 7, 1)), Today, Policy));
        events[0].ShouldBeOfType<RatRecorded>().Late.ShouldBeTrue();
    }

    [Fact]
    public void A_second_report_for_the_same_year_conflicts()
    {
        var cooperative = Registered(Primer(D(2020, 3, 1), Rat(2023, D(2024, 3, 1))), Today);
        var error = Rejected(cooperative.ReportRat(Rat(2023, D(2024, 5, 1)), Today, Policy));
        error.Rule.ShouldBe("rat-year-already-reported");
        error.Kind.ShouldBe(DomainErrorKind.Conflict);
    }

    [Theory]
    [InlineData(2019, 2020, 3, 1, "rat-year-before-legal-entity")]
    [InlineData(2024, 2024, 12, 31, "rat-before-year-closed")]
    [InlineData(2025, 2026, 11, 23, "rat-in-future")]
    public void A_RAT_must_fit_the_calendar(int year, int heldYear, int heldMonth, int heldDay, string rule)
    {
        var cooperative = Registered(Primer(D(2020, 3, 1)), Today);
        Rejected(cooperative.ReportRat(Rat(year, D(heldYear, heldMonth, heldDay)), Today, Policy)).Rule.ShouldBe(rule);
    }

    [Fact]
    public void A_RAT_makes_a_tidak_aktif_koperasi_aktif_from_the_day_it_was_held()
    {
        var cooperative = Registered(Primer(D(2010, 3, 1), Rat(2015, D(2016, 3, 1))), Today);
        cooperative.Activity.ShouldBe(ActivityStatus.TidakAktif);

        var events = Accepted(cooperative.ReportRat(Rat(2025, D(2026, 4, 2)), Today, Policy));

        var change = events[1].ShouldBeOfType<ActivityChanged>();
        (change.From, change.To, change.EffectiveOn).ShouldBe((ActivityStatus.TidakAktif, ActivityStatus.Aktif, D(2026, 4, 2)));
        change.Reason.ShouldContain("2025");
    }

    [Fact]
    public void A_RAT_entered_long_after_it_was_held_revises_the_history()
    {
        // Recorded: tidak aktif since 1 July 2019. The 2016 RAT, held in 2017, moves that to 2020.
        var (given, cooperative) = History(Primer(D(2010, 3, 1), Rat(2015, D(2016, 3, 1))), Today);

        var events = Accepted(cooperative.ReportRat(Rat(2016, D(2017, 3, 1)), Today, Policy));

        var revised = events[1].ShouldBeOfType<ActivityHistoryRevised>();
        revised.Periods.ShouldContain(new ActivityPeriod(D(2020, 7, 1), ActivityStatus.TidakAktif));
        revised.Periods.ShouldNotContain(new ActivityPeriod(D(2019, 7, 1), ActivityStatus.TidakAktif));
        Given([.. given, .. events]).ActivityPeriods.ShouldBe(revised.Periods);
    }

    [Fact]
    public void The_RAT_of_the_latest_year_sets_the_member_count_and_its_event_says_so()
    {
        var (given, cooperative) = History(Primer(D(2020, 3, 1), Rat(2023, D(2024, 3, 1), 30, 40)), Today);

        var latest = Accepted(cooperative.ReportRat(Rat(2024, D(2025, 3, 1), 50, 70), Today, Policy));

        latest[0].ShouldBeOfType<RatRecorded>().MemberCount.ShouldBe(70);
        Given([.. given, .. latest]).MemberCount.ShouldBe(70);
    }

    [Fact]
    public void An_older_year_s_RAT_or_one_counting_the_same_members_leaves_the_member_count_and_says_nothing_of_it()
    {
        var (given, cooperative) = History(Primer(D(2020, 3, 1), Rat(2024, D(2025, 3, 1), 30, 40)), Today);

        var older = Accepted(cooperative.ReportRat(Rat(2023, D(2024, 3, 1), 40, 60), Today, Policy));
        var same = Accepted(Given([.. given, .. older]).ReportRat(Rat(2025, D(2026, 3, 1), 30, 40), Today, Policy));

        (older[0].ShouldBeOfType<RatRecorded>().MemberCount, same[0].ShouldBeOfType<RatRecorded>().MemberCount).ShouldBe((null, null));
        Given([.. given, .. older, .. same]).MemberCount.ShouldBe(40);
    }
}
