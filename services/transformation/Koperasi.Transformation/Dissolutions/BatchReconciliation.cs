using Koperasi.Transformation.Cooperatives;

namespace Koperasi.Transformation.Dissolutions;

/// <summary>The counts of one regency's proposals in a batch.</summary>
public sealed record RegencyReconciliation(string RegencyCode, int Proposed, int Answered, int Approved, int Rejected, int DocumentsNeeded, int Reverify, int Pending);

/// <summary>
/// Something the batch and the ministry or the register disagree on; the kind is <c>not-in-batch</c>,
/// <c>second-answer</c> or <c>changed-since-proposed</c>.
/// </summary>
public sealed record ReconciliationMismatch(Guid CooperativeId, string Kind, string Detail);

/// <summary>
/// A batch reconciled: how many were proposed, answered each way and still pending, overall and per
/// regency, and the mismatches. <c>GET /api/transformation/dissolution-batches/{id}/reconciliation</c>
/// answers it as is.
/// </summary>
public sealed record BatchReconciliation(
    Guid BatchId,
    int Proposed,
    int Answered,
    int Approved,
    int Rejected,
    int DocumentsNeeded,
    int Reverify,
    int Pending,
    IReadOnlyList<RegencyReconciliation> ByRegency,
    IReadOnlyList<ReconciliationMismatch> Mismatches)
{
    public const string ChangedSinceProposed = "changed-since-proposed";

    /// <summary>
    /// Reconciles <paramref name="batch"/> with the current state of its cases and of their koperasi
    /// as the register announced them (either may lack an entry: nothing is then known to have changed).
    /// </summary>
    public static BatchReconciliation Of(
        DissolutionBatch batch,
        IReadOnlyDictionary<Guid, DissolutionCase> casesById,
        IReadOnlyDictionary<Guid, KnownCooperative> cooperativesById)
    {
        var rows = batch.Proposals
            .GroupBy(p => p.RegencyCode)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Count(g.Key, g, batch.Answers))
            .ToList();
        var mismatches = batch.Mismatches
            .Select(m => new ReconciliationMismatch(m.CooperativeId, m.Kind, Describe(m, batch)))
            .Concat(batch.Proposals.Select(p => Changed(p, casesById.GetValueOrDefault(p.CaseId), cooperativesById.GetValueOrDefault(p.CooperativeId))).OfType<ReconciliationMismatch>())
            .ToList();
        var total = Count("", batch.Proposals, batch.Answers);
        return new BatchReconciliation(
            batch.Id, total.Proposed, total.Answered, total.Approved, total.Rejected, total.DocumentsNeeded, total.Reverify, total.Pending, rows, mismatches);
    }

    private static RegencyReconciliation Count(string regencyCode, IEnumerable<BatchProposal> proposals, IReadOnlyDictionary<Guid, MinistryAnswer> answers)
    {
        var kinds = proposals.Select(p => answers.GetValueOrDefault(p.CooperativeId)?.Kind).ToList();
        int Of(MinistryAnswerKind kind) => kinds.Count(k => k == kind);
        var answered = kinds.Count(k => k is not null);
        return new RegencyReconciliation(
            regencyCode, kinds.Count, answered, Of(MinistryAnswerKind.Approved), Of(MinistryAnswerKind.Rejected),
            Of(MinistryAnswerKind.DocumentsNeeded), Of(MinistryAnswerKind.Reverify), kinds.Count - answered);
    }

    private static string Describe(AnswerMismatch mismatch, DissolutionBatch batch) => mismatch.Kind switch
    {
        DissolutionBatch.NotInBatch => $"The ministry answered {mismatch.Answer.Kind} for koperasi {mismatch.CooperativeId}, which is not in this batch.",
        _ => $"The ministry answered {mismatch.Answer.Kind} for koperasi {mismatch.CooperativeId}, already answered {batch.Answers[mismatch.CooperativeId].Kind}; the first answer counts.",
    };

    private static ReconciliationMismatch? Changed(BatchProposal proposal, DissolutionCase? current, KnownCooperative? known)
    {
        string? what = null;
        if (known?.IsDissolved == true && current?.Stage != DissolutionStage.Dissolved)
        {
            what = $"it ended on {known.DissolvedOn:yyyy-MM-dd} ({known.DissolutionReason})";
        }
        else if (current?.IsRevived == true)
        {
            what = $"it became aktif again on {current.RevivedOn:yyyy-MM-dd} (revived)";
        }
        else if (current?.Stage == DissolutionStage.Withdrawn)
        {
            what = $"its case was withdrawn on {current.WithdrawnOn:yyyy-MM-dd}";
        }

        return what is null
            ? null
            : new ReconciliationMismatch(proposal.CooperativeId, ChangedSinceProposed, $"{proposal.Name} changed since it was proposed: {what}.");
    }
}
