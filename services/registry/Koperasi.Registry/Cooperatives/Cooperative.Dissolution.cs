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
}
