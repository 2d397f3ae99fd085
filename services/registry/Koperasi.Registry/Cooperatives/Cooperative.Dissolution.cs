using Koperasi.ServiceDefaults.Decisions;

namespace Koperasi.Registry.Cooperatives;

// Applying a dissolution (pembubaran) the Transformation service completed: the liquidation is
// settled and the legal entity extinguished; the koperasi stays in the register with its history.
public sealed partial record Cooperative
{
    /// <summary>
    /// Records the koperasi dissolved by its members' meeting or the government, after liquidation
    /// (no successor). The same case again changes nothing; a koperasi already ended otherwise is refused.
    /// </summary>
    public TransformationDecision Dissolve(Guid caseId, DissolutionReason reason, DateOnly effectiveOn, DateOnly today)
    {
        if (Dissolution?.CaseId == caseId)
        {
            return TransformationDecision.AlreadyApplied;
        }

        if (reason is not (DissolutionReason.MembersMeeting or DissolutionReason.Government))
        {
            return DomainError.Unprocessable("dissolution-reason-invalid", $"A dissolution case dissolves by the members' meeting or the government, not by {reason}.");
        }

        if ((CheckExisting() ?? CheckEffectiveOn(effectiveOn, today)) is { } refused)
        {
            return refused;
        }

        return effectiveOn < LegalEntity.DecreeDate
            ? DomainError.Unprocessable(
                "dissolution-before-legal-entity",
                $"Koperasi {Id} ({Name}) became a legal entity on {LegalEntity.DecreeDate:yyyy-MM-dd}; it cannot end on {effectiveOn:yyyy-MM-dd}.")
            : new TransformationDecision([new StreamEvents(Id, [new DissolutionRecorded(Id, reason, effectiveOn, null, caseId, WithoutLiquidation: false)])]);
    }

    // The statuses in between, as the Transformation service reports its case: each report carries
    // the case's stream version, so a redelivered or late report (older than what was applied) and a
    // report about an already dissolved koperasi record nothing (null).

    /// <summary>A dissolution case was opened: the koperasi is dissolving.</summary>
    public DissolutionProposed? ProposeDissolution(Guid caseId, DissolutionReason reason, DateOnly proposedOn, long caseVersion) =>
        Dissolution is not null || DissolutionCase?.CaseId == caseId || IsStale(caseId, caseVersion)
            ? null
            : new DissolutionProposed(Id, caseId, reason, proposedOn, caseVersion);

    /// <summary>The dissolution was decided: the koperasi is in liquidation until the legal entity ends.</summary>
    public LiquidationStarted? StartLiquidation(Guid caseId, DissolutionReason reason, DateOnly decidedOn, string? decreeNumber, long caseVersion) =>
        Dissolution is not null || IsStale(caseId, caseVersion)
            ? null
            : new LiquidationStarted(Id, caseId, reason, decidedOn, decreeNumber, caseVersion);

    /// <summary>
    /// The case closed without dissolving: the koperasi is existing again. The close of a case other
    /// than the open one changes nothing; a close that comes before its opening is recorded, so the
    /// late opening is then stale.
    /// </summary>
    public DissolutionCaseEnded? EndDissolutionCase(Guid caseId, string outcome, string rule, DateOnly closedOn, long caseVersion) =>
        Dissolution is not null || IsStale(caseId, caseVersion) || (DissolutionCase is { } open && open.CaseId != caseId)
            ? null
            : new DissolutionCaseEnded(Id, caseId, outcome, rule, closedOn, caseVersion);

    /// <summary>A report of a case at a version no newer than the one already applied.</summary>
    private bool IsStale(Guid caseId, long caseVersion) =>
        (DissolutionCase is { } open && open.CaseId == caseId && caseVersion <= open.CaseVersion)
        || (EndedDissolutionCase is { } ended && ended.CaseId == caseId && caseVersion <= ended.CaseVersion);
}
