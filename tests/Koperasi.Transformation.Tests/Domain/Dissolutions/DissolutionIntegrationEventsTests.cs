using JasperFx.Events;
using Koperasi.Transformation.Dissolutions;
using static Koperasi.Transformation.Tests.Domain.Dissolutions.GivenDissolution;
using Public = Koperasi.Contracts.Transformation;

namespace Koperasi.Transformation.Tests.Domain.Dissolutions;

/// <summary>The map from the dissolution's private events to the public contracts.</summary>
public class DissolutionIntegrationEventsTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 22, 3, 15, 0, TimeSpan.Zero);

    private static object? Published(object data, long version = 1) =>
        DissolutionIntegrationEvents.Map(new Event<object>(data) { Version = version, Timestamp = At });

    [Fact]
    public void Every_published_event_type_has_a_contract_and_the_steps_stay_private()
    {
        var known = Coop();
        var history = Then(Liquidating(known, out _), c => c.Settle(new DateOnly(2026, 5, 10), Today, Options));
        history = Then(history, c => c.Extinguish(new DateOnly(2026, 6, 1), Today));

        foreach (var e in history)
        {
            (Published(e) is not null).ShouldBe(DissolutionIntegrationEvents.PublishedEventTypes.Contains(e.GetType()), e.GetType().Name);
        }

        history.Count(e => Published(e) is not null).ShouldBe(3);
    }

    [Fact]
    public void Opened_decided_and_completed_carry_the_koperasi_and_the_path()
    {
        var known = Coop();
        var history = Then(Then(DecidedByMembers(known), c => c.NameLiquidationTeam(["Siti Aminah"], new DateOnly(2026, 7, 1), Today)), c => c.Settle(new DateOnly(2026, 10, 1), Today, Options));
        history = Then(history, c => c.Extinguish(new DateOnly(2026, 10, 5), Today));
        var caseId = State(history).Id;

        Published(history[0]).ShouldBe(new Public.DissolutionCaseOpened(caseId, 1, At, known.Id, "1505", "members-meeting", MembersProposedOn));
        Published(history.OfType<DissolutionDecided>().Single(), 4).ShouldBe(new Public.DissolutionDecided(caseId, 4, At, known.Id, "members-meeting", Invitation.MeetingOn, null));
        Published(history[^1], 7).ShouldBe(new Public.DissolutionCompleted(caseId, 7, At, known.Id, "members-meeting", new DateOnly(2026, 10, 5)));
    }

    [Fact]
    public void A_rejection_and_a_withdrawal_close_the_case_for_the_register()
    {
        var known = Coop();
        var withdrawn = Then(Announced(known), c => c.Withdraw("Koperasi aktif kembali", new DateOnly(2025, 8, 1), Today));

        var closed = Published(withdrawn[^1]).ShouldBeOfType<Public.DissolutionCaseClosed>();

        (closed.Outcome, closed.Rule, closed.Reason, closed.CooperativeId).ShouldBe(("withdrawn", "withdrawn", "Koperasi aktif kembali", known.Id));
        var rejected = Published(new DissolutionRejected(Guid.NewGuid(), known.Id, "ministry-rejected", "Menerima bantuan")).ShouldBeOfType<Public.DissolutionCaseClosed>();
        (rejected.Outcome, rejected.Rule).ShouldBe(("rejected", "ministry-rejected"));
    }

    [Fact]
    public void A_sent_batch_and_an_answer_are_published_with_their_koperasi()
    {
        var known = Coop();
        var proposal = new BatchProposal(Guid.NewGuid(), known.Id, "Koperasi A", "1505", 3, SentOn);
        var answer = new MinistryAnswer(known.Id, MinistryAnswerKind.DocumentsNeeded, Documents: ["Akta pendirian asli"]);

        var sent = Published(new DissolutionBatchSent(BatchId, SentOn, DissolutionBatch.KeyOf(BatchId), [proposal]), 3).ShouldBeOfType<Public.DissolutionBatchSent>();
        var received = Published(new MinistryAnswerReceived(BatchId, proposal.CaseId, Today, answer), 4).ShouldBeOfType<Public.DissolutionAnswerReceived>();

        sent.Proposals.ShouldBe([new Public.DissolutionBatchItem(proposal.CaseId, known.Id, "1505")]);
        (received.Answer, received.CaseId, received.Documents.Single()).ShouldBe(("documents-needed", proposal.CaseId, "Akta pendirian asli"));
    }
}
