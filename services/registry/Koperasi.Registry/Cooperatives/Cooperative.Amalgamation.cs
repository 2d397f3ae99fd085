using Koperasi.Registry.Activity;
using Koperasi.ServiceDefaults.Decisions;

namespace Koperasi.Registry.Cooperatives;

// Applying an approved amalgamation (peleburan): a new koperasi is founded and every participant ends.
public sealed partial record Cooperative
{
    /// <summary>
    /// Founds the new koperasi through the same decision as any registration, linked to its
    /// predecessors, and dissolves each participant into it (by law, without liquidation).
    /// <paramref name="register"/> holds the participants the register knows, and the new
    /// koperasi's id if it is taken.
    /// </summary>
    public static TransformationDecision Amalgamate(AmalgamateCooperatives command, IReadOnlyDictionary<Guid, Cooperative> register, DateOnly today, ActivityPolicy policy)
    {
        var founding = command.NewCooperative;
        if (register.TryGetValue(founding.CooperativeId, out var taken))
        {
            return taken.FoundingCaseId == command.CaseId
                ? TransformationDecision.AlreadyApplied
                : DomainError.Conflict("cooperative-id-taken", $"The register already has a koperasi with id {founding.CooperativeId}.");
        }

        if (command.ParticipantIds.Count < 2)
        {
            return DomainError.Unprocessable("amalgamation-needs-two-participants", "An amalgamation ends at least two koperasi in a new one.");
        }

        if ((CheckDistinct(command.ParticipantIds) ?? CheckEffectiveOn(command.EffectiveOn, today)) is { } broken)
        {
            return broken;
        }

        var participants = new List<Cooperative>();
        foreach (var id in command.ParticipantIds)
        {
            if (!register.TryGetValue(id, out var participant))
            {
                return NotRegistered(id);
            }

            if (participant.CheckParticipant(command.EffectiveOn) is { } refused)
            {
                return refused;
            }

            participants.Add(participant);
        }

        // The members of every participant pass to the new koperasi by law, and they are the ones
        // who found it: so the founders are those members (people for a primer, member
        // cooperatives for a sekunder), and the minimum-founders rule of any registration checks
        // them. Counting the participants themselves would make every primer amalgamation of two
        // or three koperasi fail the rule meant for people.
        var members = participants.Sum(p => p.MemberCount);
        var registration = Register(
            founding with { FoundingMembers = members, MemberCount = members, PredecessorIds = command.ParticipantIds, CaseId = command.CaseId },
            today,
            policy);
        if (registration.Error is { } unregistrable)
        {
            return unregistrable;
        }

        return new TransformationDecision(
        [
            new StreamEvents(founding.CooperativeId, registration.Events),
            .. participants.Select(p => new StreamEvents(p.Id, [p.DissolvedInto(founding.CooperativeId, DissolutionReason.Amalgamation, command.EffectiveOn, command.CaseId)])),
        ]);
    }
}
