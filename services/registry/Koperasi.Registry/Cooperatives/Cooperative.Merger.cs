using Koperasi.ServiceDefaults.Decisions;

namespace Koperasi.Registry.Cooperatives;

// Applying an approved merger (penggabungan): the absorbed koperasi end in the survivor.
public sealed partial record Cooperative
{
    /// <summary>
    /// Dissolves each absorbed koperasi into the survivor (by law, without liquidation) and records
    /// on the survivor whom it absorbed and the members who came with them. <paramref name="register"/>
    /// holds the participants the register knows.
    /// </summary>
    public static TransformationDecision Merge(MergeCooperatives command, IReadOnlyDictionary<Guid, Cooperative> register, DateOnly today)
    {
        if (!register.TryGetValue(command.SurvivorId, out var survivor))
        {
            return NotRegistered(command.SurvivorId);
        }

        if (survivor.Mergers.Any(m => m.CaseId == command.CaseId))
        {
            return TransformationDecision.AlreadyApplied;
        }

        if ((CheckMergerParticipants(command) ?? CheckEffectiveOn(command.EffectiveOn, today)) is { } broken)
        {
            return broken;
        }

        var absorbed = new List<Cooperative>();
        foreach (var id in command.AbsorbedIds)
        {
            if (!register.TryGetValue(id, out var cooperative))
            {
                return NotRegistered(id);
            }

            absorbed.Add(cooperative);
        }

        if ((survivor.CheckParticipant(command.EffectiveOn) ?? absorbed.Select(a => a.CheckParticipant(command.EffectiveOn)).FirstOrDefault(e => e is not null)) is { } refused)
        {
            return refused;
        }

        var membersMoved = absorbed.Sum(a => a.MemberCount);
        var merged = new MergerRecorded(
            survivor.Id, command.CaseId, command.AbsorbedIds, membersMoved, survivor.MemberCount + membersMoved, command.EffectiveOn, command.Deed, command.Ratification);
        return new TransformationDecision(
        [
            new StreamEvents(survivor.Id, [merged]),
            .. absorbed.Select(a => new StreamEvents(a.Id, [a.DissolvedInto(survivor.Id, DissolutionReason.Merger, command.EffectiveOn, command.CaseId)])),
        ]);
    }

    private static DomainError? CheckMergerParticipants(MergeCooperatives command)
    {
        if (command.AbsorbedIds.Count == 0)
        {
            return DomainError.Unprocessable("merger-needs-absorbed-cooperative", "A merger absorbs at least one koperasi into the survivor.");
        }

        return command.AbsorbedIds.Contains(command.SurvivorId)
            ? DomainError.Unprocessable("survivor-cannot-be-absorbed", $"Koperasi {command.SurvivorId} cannot both survive the merger and be absorbed in it.")
            : CheckDistinct(command.AbsorbedIds);
    }
}
