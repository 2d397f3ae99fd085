using Koperasi.ServiceDefaults.Decisions;

namespace Koperasi.Transformation.Cases;

// Withdrawal by an officer; completion or rejection on the register's answer.
public sealed partial record TransformationCase
{
    public Decision Withdraw(string reason) =>
        RefuseWhenDecided() is { } decided ? decided : Decision.Accept(new CaseWithdrawn(Id, Kind, CooperativeIds, reason));

    /// <summary>The koperasi the register's answer must name: the survivor, the new koperasi, or the amended one.</summary>
    public Guid ResultingCooperativeId => Kind == CaseKind.Amalgamation ? NewCooperative!.CooperativeId : Participants[0].CooperativeId;

    /// <summary>
    /// The register applied the case. An answer for a closed case changes nothing (it may be a
    /// redelivery, or arrive after the case was closed otherwise).
    /// </summary>
    public Decision Complete(RegistryApplied applied)
    {
        if (IsClosed)
        {
            return Decision.Accept();
        }

        if (State != CaseState.Approved)
        {
            return DomainError.Conflict("case-not-approved", $"The register answered case {Id}, which is not approved ({State}); the answer is ignored.");
        }

        if (applied.Kind != Kind || applied.ResultingCooperativeId != ResultingCooperativeId)
        {
            return DomainError.Unprocessable(
                "registry-answer-does-not-match",
                $"The register answered case {Id} with {applied.Kind} for koperasi {applied.ResultingCooperativeId}; this case is {Kind} for {ResultingCooperativeId}.");
        }

        var ended = EndingCooperativeIds();
        return Decision.Accept(new CaseCompleted(Id, Kind, CooperativeIds, ResultingCooperativeId, ended, applied.MembersMoved, EffectiveOn!.Value, applied.AppliedAt));
    }

    /// <summary>The koperasi the case ends: the absorbed of a merger, every participant of an amalgamation.</summary>
    private IReadOnlyList<Guid> EndingCooperativeIds() => Kind switch
    {
        CaseKind.Merger => [.. Participants.Skip(1).Select(p => p.CooperativeId)],
        CaseKind.Amalgamation => CooperativeIds,
        _ => [],
    };

    /// <summary>The register could not apply the approved case: it is rejected with the register's rule.</summary>
    public Decision RejectAsNotApplied(string rule, string reason)
    {
        if (IsClosed)
        {
            return Decision.Accept();
        }

        return State != CaseState.Approved
            ? DomainError.Conflict("case-not-approved", $"The register refused to apply case {Id}, which is not approved ({State}); the answer is ignored.")
            : Decision.Accept(Rejected(rule, $"The register could not apply this case: {reason}"));
    }
}
