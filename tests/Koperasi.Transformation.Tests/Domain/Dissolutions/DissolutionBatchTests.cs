using Koperasi.ServiceDefaults.Decisions;
using Koperasi.Transformation.Cooperatives;
using Koperasi.Transformation.Dissolutions;
using static Koperasi.Transformation.Tests.Domain.Dissolutions.GivenDissolution;

namespace Koperasi.Transformation.Tests.Domain.Dissolutions;

public class DissolutionBatchTests
{
    private static readonly DateOnly OpenedOn = new(2025, 10, 2);

    private static DissolutionBatch Fold(IEnumerable<object> events) =>
        events.Aggregate((DissolutionBatch?)null, DissolutionBatch.Fold) ?? throw new InvalidOperationException("No batch opened.");

    private static List<object> Opened(Guid? id = null) => [.. Accepted(DissolutionBatch.Open(id ?? Guid.NewGuid(), "Usulan pembubaran Oktober 2025", OpenedOn, Today))];

    private static List<object> With(List<object> history, Func<DissolutionBatch, Decision> decide) => [.. history, .. Accepted(decide(Fold(history)))];

    /// <summary>A batch holding one announced case of each koperasi, sent on <see cref="GivenDissolution.SentOn"/>.</summary>
    private static List<object> SentBatch(params KnownCooperative[] cooperatives)
    {
        var history = Opened();
        foreach (var known in cooperatives)
        {
            history = With(history, b => b.Add(State(Announced(known)), SentOn, Options));
        }

        return With(history, b => b.Sent(SentOn));
    }

    [Fact]
    public void A_batch_gathers_announced_proposals_once_each()
    {
        var known = Coop();
        var proposal = State(Announced(known));
        var history = With(Opened(), b => b.Add(proposal, SentOn, Options));

        var batch = Fold(history);

        batch.Proposals.Single().ShouldBe(new BatchProposal(proposal.Id, known.Id, known.Name!.Value, "1505", proposal.Version, SentOn));
        Rejected(batch.Add(proposal, SentOn, Options)).Rule.ShouldBe("cooperative-already-in-batch");
    }

    [Fact]
    public void A_proposal_not_ready_for_the_ministry_stays_out_naming_why()
    {
        var batch = Fold(Opened());

        var early = Rejected(batch.Add(State(Announced(Coop())), new DateOnly(2025, 9, 30), Options));
        (early.Rule, early.Field).ShouldBe(("announcement-not-over", "caseId"));
        Rejected(batch.Add(State(Verified(Coop())), SentOn, Options)).Rule.ShouldBe("step-out-of-order");
        Rejected(batch.Add(State(ProposedByBoard(Coop())), SentOn, Options)).Rule.ShouldBe("step-not-on-this-path");
    }

    [Fact]
    public void A_batch_is_sent_once_under_one_key_fixed_by_its_id()
    {
        var id = Guid.NewGuid();
        var history = With(Opened(id), b => b.Add(State(Announced(Coop())), SentOn, Options));
        Rejected(Fold(Opened()).Sent(SentOn)).Rule.ShouldBe("batch-empty");

        history = With(history, b => b.Sent(SentOn));

        var sent = history[^1].ShouldBeOfType<DissolutionBatchSent>();
        sent.IdempotencyKey.ShouldBe($"dissolution-batch-{id:N}");
        Fold(history).IdempotencyKey.ShouldBe(sent.IdempotencyKey);
        Accepted(Fold(history).Sent(SentOn.AddDays(1))).ShouldBeEmpty();
        Rejected(Fold(history).Add(State(Announced(Coop())), SentOn, Options)).Rule.ShouldBe("batch-already-sent");
        Rejected(Fold(history).Remove(sent.Proposals[0].CooperativeId)).Rule.ShouldBe("batch-already-sent");
    }

    [Fact]
    public void A_proposal_can_be_taken_out_before_sending()
    {
        var known = Coop();
        var history = With(Opened(), b => b.Add(State(Announced(known)), SentOn, Options));

        history = With(history, b => b.Remove(known.Id));

        Fold(history).Proposals.ShouldBeEmpty();
        Rejected(Fold(history).Remove(known.Id)).Rule.ShouldBe("cooperative-not-in-batch");
    }

    [Fact]
    public void Answers_come_after_sending()
    {
        var known = Coop();
        var unsent = Fold(With(Opened(), b => b.Add(State(Announced(known)), SentOn, Options)));

        Rejected(unsent.Receive([Approval(known)], Today)).Rule.ShouldBe("batch-not-sent");
        Rejected(Fold(SentBatch(known)).Receive([Approval(known)], SentOn.AddDays(-1))).Rule.ShouldBe("answer-before-sending");
    }

    [Fact]
    public void An_answer_for_a_koperasi_not_in_the_batch_or_a_second_different_one_is_a_mismatch_and_the_first_counts()
    {
        var (a, stranger) = (Coop("Koperasi A"), Coop("Koperasi Asing"));
        var history = SentBatch(a);
        var rejection = new MinistryAnswer(a.Id, MinistryAnswerKind.Rejected, Reason: "Menerima bantuan pemerintah");

        history = With(history, b => b.Receive([Approval(a), Approval(stranger), rejection], Today));

        var batch = Fold(history);
        batch.Answers[a.Id].Kind.ShouldBe(MinistryAnswerKind.Approved);
        batch.Mismatches.Select(m => (m.CooperativeId, m.Kind)).ShouldBe([(stranger.Id, "not-in-batch"), (a.Id, "second-answer")]);
        history.OfType<MinistryAnswerReceived>().Single().CaseId.ShouldBe(batch.Proposals[0].CaseId);
    }

    [Fact]
    public void A_batch_keeps_the_day_of_its_latest_answer_taken_or_mismatched()
    {
        var (a, b, stranger) = (Coop("Koperasi A"), Coop("Koperasi B"), Coop("Koperasi Asing"));
        var history = SentBatch(a, b);
        Fold(history).AnsweredOn.ShouldBeNull();

        history = With(history, batch => batch.Receive([Approval(a)], SentOn.AddDays(30)));
        Fold(history).AnsweredOn.ShouldBe(SentOn.AddDays(30));
        history = With(history, batch => batch.Receive([Approval(stranger)], SentOn.AddDays(40)));
        Fold(history).AnsweredOn.ShouldBe(SentOn.AddDays(40));
    }

    [Fact]
    public void The_same_answers_again_change_nothing()
    {
        var (a, stranger) = (Coop("Koperasi A"), Coop("Koperasi Asing"));
        var history = With(SentBatch(a), b => b.Receive([Approval(a), Approval(stranger)], Today));

        Accepted(Fold(history).Receive([Approval(a), Approval(stranger)], Today)).ShouldBeEmpty();
    }

    [Fact]
    public void An_incomplete_answer_is_refused_naming_the_koperasi()
    {
        var a = Coop("Koperasi A");

        var error = Rejected(Fold(SentBatch(a)).Receive([new MinistryAnswer(a.Id, MinistryAnswerKind.DocumentsNeeded)], Today));

        error.Rule.ShouldBe("answer-needs-documents");
        error.Detail.ShouldStartWith($"Koperasi {a.Id}:");
    }

    [Fact]
    public void An_answer_holding_a_NIK_is_refused_and_nothing_is_recorded()
    {
        var a = Coop("Koperasi A");

        var error = Rejected(Fold(SentBatch(a)).Receive([new MinistryAnswer(a.Id, MinistryAnswerKind.Rejected, Reason: "Pengurus NIK 1571024501900003")], Today));

        (error.Rule, error.Field).ShouldBe(("personal-data-in-text", "reason"));
        error.Detail.ShouldNotContain("1571024501900003");
    }

    [Fact]
    public void The_reconciliation_counts_every_kind_of_answer_per_regency_and_lists_the_mismatches()
    {
        var approved = Coop("Koperasi A", "1571");
        var rejected = Coop("Koperasi B", "1571");
        var documents = Coop("Koperasi C", "1504");
        var reverify = Coop("Koperasi D", "1504");
        var pendingRevived = Coop("Koperasi E", "1504");
        var pendingMerged = Coop("Koperasi F", "1571");
        var stranger = Coop("Koperasi Asing", "1505");
        var history = SentBatch(approved, rejected, documents, reverify, pendingRevived, pendingMerged);
        history = With(history, b => b.Receive(
        [
            Approval(approved),
            new MinistryAnswer(rejected.Id, MinistryAnswerKind.Rejected, Reason: "Menerima bantuan pemerintah"),
            new MinistryAnswer(documents.Id, MinistryAnswerKind.DocumentsNeeded, Documents: ["Akta pendirian asli"]),
            new MinistryAnswer(reverify.Id, MinistryAnswerKind.Reverify),
            Approval(stranger),
        ], Today));
        history = With(history, b => b.Receive([new MinistryAnswer(approved.Id, MinistryAnswerKind.Reverify)], Today));
        var batch = Fold(history);
        var revivedCase = batch.Proposals.Single(p => p.CooperativeId == pendingRevived.Id).CaseId;
        var cases = new Dictionary<Guid, DissolutionCase>
        {
            [revivedCase] = State(Then(SentToMinistry(pendingRevived), c => c.MarkRevived(new DateOnly(2025, 12, 1)))),
        };
        var known = new Dictionary<Guid, KnownCooperative>
        {
            [pendingMerged.Id] = pendingMerged with { DissolvedOn = new DateOnly(2025, 12, 5), DissolutionReason = "merger" },
        };

        var reconciliation = BatchReconciliation.Of(batch, cases, known);

        (reconciliation.Proposed, reconciliation.Answered, reconciliation.Approved, reconciliation.Rejected, reconciliation.DocumentsNeeded, reconciliation.Reverify, reconciliation.Pending)
            .ShouldBe((6, 4, 1, 1, 1, 1, 2));
        reconciliation.ByRegency.ShouldBe(
        [
            new RegencyReconciliation("1504", 3, 2, 0, 0, 1, 1, 1),
            new RegencyReconciliation("1571", 3, 2, 1, 1, 0, 0, 1),
        ]);
        reconciliation.Mismatches.Select(m => (m.CooperativeId, m.Kind)).ShouldBe(
        [
            (stranger.Id, "not-in-batch"),
            (approved.Id, "second-answer"),
            (pendingRevived.Id, "changed-since-proposed"),
            (pendingMerged.Id, "changed-since-proposed"),
        ]);
        reconciliation.Mismatches[2].Detail.ShouldBe("Koperasi E changed since it was proposed: it became aktif again on 2025-12-01 (revived).");
        reconciliation.Mismatches[3].Detail.ShouldBe("Koperasi F changed since it was proposed: it ended on 2025-12-05 (merger).");
    }

    [Fact]
    public void A_koperasi_dissolved_by_its_own_case_is_no_mismatch()
    {
        var a = Coop("Koperasi A");
        var batch = Fold(SentBatch(a));
        var dissolved = State(Liquidating(a, out _)) with { Stage = DissolutionStage.Dissolved };

        var reconciliation = BatchReconciliation.Of(
            batch,
            new Dictionary<Guid, DissolutionCase> { [batch.Proposals[0].CaseId] = dissolved },
            new Dictionary<Guid, KnownCooperative> { [a.Id] = a with { DissolvedOn = new DateOnly(2026, 6, 1), DissolutionReason = "government" } });

        reconciliation.Mismatches.ShouldBeEmpty();
    }
}
