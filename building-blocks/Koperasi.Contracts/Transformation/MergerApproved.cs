using MassTransit;

namespace Koperasi.Contracts.Transformation;

/// <summary>
/// A merger (penggabungan) was decided by every participant's members' meeting, deeded and ratified:
/// the register is to absorb <paramref name="AbsorbedIds"/> into <paramref name="SurvivorId"/>.
/// </summary>
/// <param name="CaseId">The case.</param>
/// <param name="StreamVersion">Version of the case's stream after this event.</param>
/// <param name="OccurredAt">When it was recorded.</param>
/// <param name="SurvivorId">The koperasi that continues.</param>
/// <param name="AbsorbedIds">The koperasi absorbed: dissolved by law without liquidation.</param>
/// <param name="Deed">The notarial deed.</param>
/// <param name="Ratification">The ministry's ratification.</param>
/// <param name="EffectiveOn">The day the merger takes effect (the ratification's date).</param>
[MessageUrn("koperasi:transformation:merger-approved:v1")]
public sealed record MergerApproved(
    Guid CaseId,
    long StreamVersion,
    DateTimeOffset OccurredAt,
    Guid SurvivorId,
    IReadOnlyList<Guid> AbsorbedIds,
    Deed Deed,
    Ratification Ratification,
    DateOnly EffectiveOn) : IIntegrationEvent;
