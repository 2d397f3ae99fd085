using Koperasi.Transformation.Dissolutions;
using Microsoft.Extensions.Time.Testing;
using static Koperasi.Transformation.Tests.Domain.Dissolutions.GivenDissolution;

namespace Koperasi.Transformation.Tests.Domain.Dissolutions;

public class DeadlineTests
{
    private static IEnumerable<(string Step, DateOnly DueOn, DeadlineParty Party, bool IsDeadline)> Steps(List<object> history, DissolutionOptions? options = null) =>
        DissolutionDeadlines.For(State(history), options ?? Options).Select(s => (s.Step, s.DueOn, s.Party, s.IsDeadline));

    [Fact]
    public void A_called_meeting_is_due_on_its_day()
    {
        Steps(MeetingCalled(Coop())).ShouldBe([("record-members-meeting", Invitation.MeetingOn, DeadlineParty.Dinas, true)]);
    }

    [Fact]
    public void An_announced_case_is_due_to_go_to_the_ministry_when_the_announcement_ends()
    {
        Steps(Announced(Coop())).ShouldBe([("propose-to-ministry", new DateOnly(2025, 10, 1), DeadlineParty.Dinas, true)]);
        Steps(Announced(Coop()), Options with { AnnouncementMonths = 6 }).Single().DueOn.ShouldBe(new DateOnly(2026, 1, 1));
    }

    [Fact]
    public void After_the_notice_the_objection_period_ends_in_two_months_and_the_decision_is_due_in_four()
    {
        Steps(NoticeIssued(Coop())).ShouldBe(
        [
            ("objection-period-ends", new DateOnly(2026, 1, 3), DeadlineParty.Koperasi, false),
            ("ministry-decision", new DateOnly(2026, 3, 3), DeadlineParty.Ministry, true),
        ]);
    }

    [Fact]
    public void An_objection_is_due_to_be_decided_within_a_month()
    {
        var history = Then(NoticeIssued(Coop()), c => c.FileObjection(new DateOnly(2025, 12, 1), "Masih ada kegiatan usaha", Today, Options));

        Steps(history).ShouldBe(
        [
            ("decide-objection", new DateOnly(2026, 1, 1), DeadlineParty.Ministry, true),
            ("ministry-decision", new DateOnly(2026, 3, 3), DeadlineParty.Ministry, true),
        ]);
    }

    [Fact]
    public void In_liquidation_the_claims_close_three_months_after_the_last_notification_then_the_settlement_is_due()
    {
        Steps(Liquidating(Coop(), out _)).ShouldBe(
        [
            ("claims-period-ends", new DateOnly(2026, 5, 10), DeadlineParty.LiquidationTeam, false),
            ("settle-liquidation", new DateOnly(2026, 5, 10), DeadlineParty.LiquidationTeam, true),
        ]);
    }

    [Fact]
    public void A_revived_koperasi_is_due_for_review_instead_of_the_ministry()
    {
        var history = Then(Announced(Coop()), c => c.MarkRevived(new DateOnly(2025, 8, 15)));

        Steps(history).ShouldBe([("review-revived-cooperative", new DateOnly(2025, 8, 15), DeadlineParty.Dinas, true)]);
    }

    [Fact]
    public void A_closed_case_has_nothing_due()
    {
        var history = Then(Announced(Coop()), c => c.Withdraw("Koperasi aktif kembali", new DateOnly(2025, 8, 1), Today));

        Steps(history).ShouldBeEmpty();
    }

    [Fact]
    public void The_watch_lists_per_regency_what_is_due_this_week_and_what_is_overdue()
    {
        // Notice of 3 Nov 2025: objection period ends 3 Jan 2026, decision due 3 Mar 2026.
        var batangHari = State(NoticeIssued(Coop("Koperasi A", "1504")));
        // Announced 1 Jul 2025: due to the ministry on 1 Oct 2025.
        var kotaJambi = State(Announced(Coop("Koperasi B", "1571")));
        var cases = new[] { batangHari, kotaJambi };

        var watch = DissolutionDeadlines.Watch(cases, new DateOnly(2025, 12, 28), Options);

        watch.Select(r => r.RegencyCode).ShouldBe(["1504", "1571"]);
        watch[0].DueThisWeek.Select(s => s.Step).ShouldBe(["objection-period-ends"]);
        watch[0].Overdue.ShouldBeEmpty();
        watch[1].DueThisWeek.ShouldBeEmpty();
        watch[1].Overdue.Select(s => (s.Step, s.CaseId)).ShouldBe([("propose-to-ministry", kotaJambi.Id)]);
    }

    [Theory]
    [InlineData("2025-12-28", true)]
    [InlineData("2025-12-27", false)]
    [InlineData("2026-01-03", true)]
    [InlineData("2026-01-04", false)]
    public void This_week_is_the_clock_date_and_the_six_days_after(string asOf, bool listed)
    {
        var cases = new[] { State(NoticeIssued(Coop())) };

        var watch = DissolutionDeadlines.Watch(cases, DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture), Options);

        watch.SelectMany(r => r.DueThisWeek).Any(s => s.Step == "objection-period-ends").ShouldBe(listed);
    }

    [Fact]
    public void A_period_that_ended_is_not_overdue_but_a_passed_deadline_is()
    {
        var cases = new[] { State(NoticeIssued(Coop())) };

        var watch = DissolutionDeadlines.Watch(cases, new DateOnly(2026, 3, 4), Options).Single();

        watch.Overdue.Select(s => s.Step).ShouldBe(["ministry-decision"]);
        watch.DueThisWeek.ShouldBeEmpty();
    }

    [Fact]
    public void The_watch_of_one_regency_leaves_the_others_out()
    {
        var cases = new[] { State(Announced(Coop("Koperasi A", "1504"))), State(Announced(Coop("Koperasi B", "1571"))) };

        var watch = DissolutionDeadlines.Watch(cases, Today, Options, regencyCode: "1571");

        watch.Single().RegencyCode.ShouldBe("1571");
    }

    [Fact]
    public void The_clock_is_read_as_the_provinces_date()
    {
        var cases = new[] { State(NoticeIssued(Coop())) };
        // 17:30 UTC on 27 Dec is 00:30 on 28 Dec in Jambi (WIB): the objection period's end is then within the week.
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 12, 27, 17, 30, 0, TimeSpan.Zero));
        var anHourEarlier = new FakeTimeProvider(new DateTimeOffset(2025, 12, 27, 16, 30, 0, TimeSpan.Zero));

        DissolutionDeadlines.Watch(cases, clock, Options).Single().DueThisWeek.Select(s => s.Step).ShouldBe(["objection-period-ends"]);
        DissolutionDeadlines.Watch(cases, anHourEarlier, Options).ShouldBeEmpty();
    }
}
