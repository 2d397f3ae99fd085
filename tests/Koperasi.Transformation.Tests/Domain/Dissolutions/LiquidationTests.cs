using Koperasi.Transformation.Dissolutions;
using static Koperasi.Transformation.Tests.Domain.Dissolutions.GivenDissolution;

namespace Koperasi.Transformation.Tests.Domain.Dissolutions;

public class LiquidationTests
{
    private static readonly DateOnly ClaimsEnd = new(2026, 5, 10);

    [Fact]
    public void The_liquidation_team_is_named_after_the_decision_by_name()
    {
        var known = Coop();

        Rejected(State(NoticeIssued(known)).NameLiquidationTeam(["Rahmat Hidayat"], new DateOnly(2026, 2, 1), Today)).Rule.ShouldBe("dissolution-not-decided");
        Rejected(State(DecidedByMinistry(known)).NameLiquidationTeam([], new DateOnly(2026, 2, 1), Today)).Rule.ShouldBe("liquidation-team-needs-members");
        Rejected(State(DecidedByMinistry(known)).NameLiquidationTeam(["Rahmat Hidayat"], DecreeDate.AddDays(-1), Today)).Rule.ShouldBe("team-date-out-of-range");
        var state = State(Liquidating(known, out _));
        (state.Stage, state.LiquidationTeam.Count).ShouldBe((DissolutionStage.Liquidating, 2));
    }

    [Fact]
    public void A_creditor_not_notified_is_not_bound_and_shows_until_notified()
    {
        var known = Coop();
        var history = Liquidating(known, out _);
        var second = Guid.NewGuid();

        history = Then(history, c => c.RecordCreditor(second, "CV Sumber Rejeki", new DateOnly(2026, 3, 1), Today));

        State(history).CreditorsNotNotified.Select(c => c.Name).ShouldBe(["CV Sumber Rejeki"]);
        var refused = Rejected(State(history).Settle(Today, Today, Options));
        (refused.Rule, refused.Detail).ShouldBe(("creditors-not-notified", "1 creditor(s) are not notified yet (CV Sumber Rejeki); the dissolution does not bind them until they are."));
        history = Then(history, c => c.NotifyCreditor(second, new DateOnly(2026, 3, 5), Today));
        State(history).CreditorsNotNotified.ShouldBeEmpty();
    }

    [Fact]
    public void A_creditor_is_recorded_and_notified_once()
    {
        var known = Coop();
        var state = State(Liquidating(known, out var creditor));

        Rejected(state.RecordCreditor(Guid.NewGuid(), "bank jambi cabang muara bulian", Today, Today)).Rule.ShouldBe("creditor-already-recorded");
        Rejected(state.RecordCreditor(Guid.NewGuid(), " ", Today, Today)).Rule.ShouldBe("creditor-name-required");
        Rejected(state.NotifyCreditor(creditor, Today, Today)).Rule.ShouldBe("creditor-already-notified");
        Rejected(state.NotifyCreditor(Guid.NewGuid(), Today, Today)).Rule.ShouldBe("creditor-unknown");
    }

    [Fact]
    public void Creditors_have_three_months_from_their_notification_to_claim()
    {
        var known = Coop();
        var state = State(Liquidating(known, out _));

        state.ClaimsEndOn(Options).ShouldBe(ClaimsEnd);
        var early = Rejected(state.Settle(ClaimsEnd.AddDays(-1), Today, Options));
        (early.Rule, early.Field).ShouldBe(("claims-period-not-over", "settledOn"));
        Accepted(state.Settle(ClaimsEnd, Today, Options)).Single().ShouldBeOfType<LiquidationSettled>();
        state.ClaimsEndOn(Options with { ClaimMonths = 1 }).ShouldBe(new DateOnly(2026, 3, 10));
    }

    [Fact]
    public void A_later_notification_extends_the_claims_period()
    {
        var known = Coop();
        var creditor = Guid.NewGuid();
        var history = Then(Liquidating(known, out _), c => c.RecordCreditor(creditor, "Koperasi Sekunder Jambi", new DateOnly(2026, 3, 1), Today));

        history = Then(history, c => c.NotifyCreditor(creditor, new DateOnly(2026, 4, 1), Today));

        State(history).ClaimsEndOn(Options).ShouldBe(new DateOnly(2026, 7, 1));
    }

    [Fact]
    public void After_the_settlement_the_legal_entity_ends_and_the_case_closes()
    {
        var known = Coop();
        var history = Liquidating(known, out _);
        Rejected(State(history).Extinguish(Today, Today)).Rule.ShouldBe("step-out-of-order");
        history = Then(history, c => c.Settle(ClaimsEnd, Today, Options));
        Rejected(State(history).Extinguish(ClaimsEnd.AddDays(-1), Today)).Rule.ShouldBe("extinction-date-out-of-range");

        history = Then(history, c => c.Extinguish(new DateOnly(2026, 6, 1), Today));

        var state = State(history);
        (state.Stage, state.IsClosed, state.DissolvedOn).ShouldBe((DissolutionStage.Dissolved, true, new DateOnly(2026, 6, 1)));
        history[^1].ShouldBe(new LegalEntityExtinguished(state.Id, known.Id, DissolutionPath.Government, new DateOnly(2026, 6, 1)));
        Rejected(state.Withdraw("Salah input", Today, Today)).Rule.ShouldBe("case-closed");
        Accepted(state.MarkRevived(Today)).ShouldBeEmpty();
    }

    [Fact]
    public void The_members_path_liquidates_the_same_way()
    {
        var known = Coop();
        var history = Then(DecidedByMembers(known), c => c.NameLiquidationTeam(["Siti Aminah"], new DateOnly(2026, 7, 1), Today));
        history = Then(history, c => c.Settle(new DateOnly(2026, 10, 1), Today, Options));

        history = Then(history, c => c.Extinguish(new DateOnly(2026, 10, 5), Today));

        history[^1].ShouldBeOfType<LegalEntityExtinguished>().Path.ShouldBe(DissolutionPath.MembersMeeting);
    }

    [Fact]
    public void A_case_is_withdrawn_with_a_reason_until_it_is_decided()
    {
        var known = Coop();

        Rejected(State(Announced(known)).Withdraw(" ", Today, Today)).Rule.ShouldBe("withdrawal-reason-required");
        Rejected(State(DecidedByMinistry(known)).Withdraw("Terlambat", Today, Today)).Rule.ShouldBe("case-already-decided");
        var history = Then(Announced(known), c => c.Withdraw("Koperasi aktif kembali", new DateOnly(2025, 8, 1), Today));

        var state = State(history);
        (state.Stage, state.Reason).ShouldBe((DissolutionStage.Withdrawn, "Koperasi aktif kembali"));
        Rejected(state.SentToMinistry(BatchId, SentOn, Options)).Rule.ShouldBe("case-closed");
    }
}
