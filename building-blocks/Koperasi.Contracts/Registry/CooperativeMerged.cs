using MassTransit;

namespace Koperasi.Contracts.Registry;

/// <summary>A koperasi absorbed others in a merger: their members now are its members.</summary>
/// <param name="CooperativeId">The surviving koperasi.</param>
/// <param name="StreamVersion">Version of its stream after this event.</param>
/// <param name="OccurredAt">When the Registry recorded it.</param>
/// <param name="AbsorbedIds">The koperasi absorbed.</param>
/// <param name="MembersMoved">Members who came with them.</param>
/// <param name="MemberCount">Members of the survivor afterwards.</param>
/// <param name="CaseId">The transformation case.</param>
/// <param name="EffectiveOn">The day the merger took effect.</param>
[MessageUrn("koperasi:registry:cooperative-merged:v1")]
public sealed record CooperativeMerged(
    Guid CooperativeId,
    long StreamVersion,
    DateTimeOffset OccurredAt,
    IReadOnlyList<Guid> AbsorbedIds,
    int MembersMoved,
    int MemberCount,
    Guid CaseId,
    DateOnly EffectiveOn) : IIntegrationEvent;
