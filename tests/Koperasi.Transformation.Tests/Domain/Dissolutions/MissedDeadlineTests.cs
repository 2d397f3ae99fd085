using Koperasi.Transformation.Dissolutions;
using static Koperasi.Transformation.Tests.Domain.Dissolutions.GivenDissolution;

namespace Koperasi.Transformation.Tests.Domain.Dissolutions;

/// <summary>The scheduled evaluation's decision: each passed deadline recorded once on its case.</summary>
public class MissedDeadlineTests
{
    // Announced on 2025-07-01: the proposal to the ministry is due when the announcement ends, 2025-10-01.
    private static readonly DateOnly ProposeDueOn = new(2025, 10, 1);

    [Fact]
    public void A_deadline_passed_is_recorded_with_its_step_due_day_and_party()
    {
        var state = State(Announced(Coop()));

        state.RecordMissedDeadlines(ProposeDueOn.AddDays(1), Options).ShouldBe(
            [new DissolutionDeadlineMissed(state.Id, state.CooperativeId, "propose-to-ministry", ProposeDueOn, DeadlineParty.Dinas, ProposeDueOn.AddDays(1))]);
    }

    [Fact]
    public void On_its_due_day_a_deadline_is_not_missed_yet()
    {
        State(Announced(Coop())).RecordMissedDeadlines(ProposeDueOn, Options).ShouldBeEmpty();
    }

    [Fact]
    public void A_missed_deadline_is_recorded_only_once()
    {
        var history = Announced(Coop());
        history.AddRange(State(history).RecordMissedDeadlines(ProposeDueOn.AddDays(1), Options));

        var state = State(history);
        state.MissedDeadlines.ShouldBe([new MissedDeadline("propose-to-ministry", ProposeDueOn, ProposeDueOn.AddDays(1))]);
        state.RecordMissedDeadlines(ProposeDueOn.AddMonths(2), Options).ShouldBeEmpty();
    }

    [Fact]
    public void A_period_that_ends_is_not_a_deadline_and_a_closed_case_misses_none()
    {
        // After the notice of 2025-11-03 the objection period ends 2026-01-03 (nobody's deadline);
        // the ministry's decision is due 2026-03-03.
        State(NoticeIssued(Coop())).RecordMissedDeadlines(new DateOnly(2026, 2, 1), Options).ShouldBeEmpty();

        var announced = Announced(Coop());
        var state = State(announced);
        var withdrawn = State([.. announced, new DissolutionWithdrawn(state.Id, state.CooperativeId, new DateOnly(2025, 9, 1), "The koperasi held its RAT again.")]);
        withdrawn.RecordMissedDeadlines(ProposeDueOn.AddMonths(1), Options).ShouldBeEmpty();
    }
}
