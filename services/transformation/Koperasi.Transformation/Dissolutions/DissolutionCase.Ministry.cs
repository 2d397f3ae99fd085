using Koperasi.ServiceDefaults.Decisions;

namespace Koperasi.Transformation.Dissolutions;

// The ministry's side: its notice, the koperasi's objection and its decision, the ministry's answer.
public sealed partial record DissolutionCase
{
    public Decision RecordNotice(MinistryNotice notice, DateOnly today)
    {
        if (Expect(DissolutionPath.Government, DissolutionStage.ProposedToMinistry) is { } wrong)
        {
            return wrong;
        }

        if (string.IsNullOrWhiteSpace(notice.Number))
        {
            return DomainError.Unprocessable("notice-number-required", "The ministry's notice is recorded with its number.", "number");
        }

        return notice.Date < SentToMinistryOn!.Value || notice.Date > today
            ? DomainError.Unprocessable("notice-date-out-of-range", $"The notice is dated between the proposal to the ministry ({SentToMinistryOn:yyyy-MM-dd}) and today.", "date")
            : Decision.Accept(new MinistryNoticeRecorded(Id, CooperativeId, notice));
    }

    /// <summary>The last day the koperasi may object to the notice.</summary>
    public DateOnly? ObjectionEndsOn(DissolutionOptions options) => Notice?.Date.AddMonths(options.ObjectionMonths);

    /// <summary>The day the ministry's decision is due.</summary>
    public DateOnly? DecisionDueOn(DissolutionOptions options) => Notice?.Date.AddMonths(options.DecisionMonths);

    public Decision FileObjection(DateOnly filedOn, string summary, DateOnly today, DissolutionOptions options)
    {
        if (Expect(DissolutionPath.Government, DissolutionStage.NoticeIssued) is { } wrong)
        {
            return wrong;
        }

        if (Objection is not null)
        {
            return DomainError.Conflict("objection-already-decided", $"The objection of {Objection.FiledOn:yyyy-MM-dd} was decided; a notice takes one objection.");
        }

        if (string.IsNullOrWhiteSpace(summary))
        {
            return DomainError.Unprocessable("objection-summary-required", "An objection says what the koperasi objects.", "summary");
        }

        if (filedOn < Notice!.Date || filedOn > today)
        {
            return DomainError.Unprocessable("objection-date-out-of-range", $"The objection is dated between the notice ({Notice.Date:yyyy-MM-dd}) and today.", "filedOn");
        }

        return filedOn > ObjectionEndsOn(options)
            ? DomainError.Unprocessable(
                "objection-period-over",
                $"An objection is filed within {options.ObjectionMonths} months of the notice, by {ObjectionEndsOn(options):yyyy-MM-dd}; this one is of {filedOn:yyyy-MM-dd}.",
                "filedOn")
            : Decision.Accept(new DissolutionObjectionFiled(Id, CooperativeId, filedOn, summary.Trim()));
    }

    /// <summary>The day the objection's decision is due.</summary>
    public DateOnly? ObjectionDecisionDueOn(DissolutionOptions options) => Objection?.FiledOn.AddMonths(options.ObjectionDecisionMonths);

    /// <summary>An objection upheld ends the case: the koperasi is not dissolved.</summary>
    public Decision DecideObjection(DateOnly decidedOn, bool upheld, DateOnly today)
    {
        if (Expect(DissolutionPath.Government, DissolutionStage.Objected) is { } wrong)
        {
            return wrong;
        }

        if (decidedOn < Objection!.FiledOn || decidedOn > today)
        {
            return DomainError.Unprocessable("objection-decision-date-out-of-range", $"The objection is decided between its filing ({Objection.FiledOn:yyyy-MM-dd}) and today.", "decidedOn");
        }

        var decided = new DissolutionObjectionDecided(Id, CooperativeId, decidedOn, upheld);
        return upheld
            ? Decision.Accept(decided, Rejected("objection-upheld", $"The koperasi's objection was upheld on {decidedOn:yyyy-MM-dd}; it is not dissolved."))
            : Decision.Accept(decided);
    }

    /// <summary>
    /// The ministry's answer from the batch <paramref name="batchId"/> moves the case. An approval needs
    /// the notice recorded and its objection period over (or the objection decided against the koperasi);
    /// documents needed or re-verify send the case back, to go into a later batch.
    /// </summary>
    public Decision ApplyMinistryAnswer(Guid batchId, MinistryAnswer answer, DissolutionOptions options)
    {
        if (Expect(DissolutionPath.Government, DissolutionStage.ProposedToMinistry, DissolutionStage.NoticeIssued, DissolutionStage.Objected) is { } wrong)
        {
            return wrong;
        }

        if (BatchId != batchId)
        {
            return DomainError.Conflict("answer-from-another-batch", $"The case was last proposed in batch {BatchId}; an answer from batch {batchId} does not apply.");
        }

        if (answer.Incomplete() is { } incomplete)
        {
            return incomplete;
        }

        switch (answer.Kind)
        {
            case MinistryAnswerKind.Rejected:
                return Decision.Accept(Rejected("ministry-rejected", $"The ministry rejected the dissolution: {answer.Reason!.Trim()}"));
            case MinistryAnswerKind.DocumentsNeeded:
                return Decision.Accept(new MinistryRequestedDocuments(Id, CooperativeId, batchId, [.. answer.Documents!.Select(d => d.Trim())]));
            case MinistryAnswerKind.Reverify:
                return Decision.Accept(new MinistryRequestedReverification(Id, CooperativeId, batchId));
        }

        if (Notice is null)
        {
            return DomainError.Conflict("ministry-notice-missing", "The ministry decides after its notice to the koperasi; record the notice first.");
        }

        if (Stage == DissolutionStage.Objected)
        {
            return DomainError.Conflict("objection-pending", $"The objection of {Objection!.FiledOn:yyyy-MM-dd} is not decided yet.");
        }

        var decreeDate = answer.DecreeDate!.Value;
        if (Objection is null && decreeDate <= ObjectionEndsOn(options))
        {
            return DomainError.Unprocessable(
                "objection-period-not-over",
                $"The decree of {decreeDate:yyyy-MM-dd} falls within the objection period, which ends on {ObjectionEndsOn(options):yyyy-MM-dd}.",
                "decreeDate");
        }

        return decreeDate < Notice.Date
            ? DomainError.Unprocessable("decree-before-notice", $"The decree of {decreeDate:yyyy-MM-dd} is dated before the notice ({Notice.Date:yyyy-MM-dd}).", "decreeDate")
            : Decision.Accept(new DissolutionDecided(Id, CooperativeId, DissolutionPath.Government, decreeDate, answer.DecreeNumber!.Trim()));
    }
}
