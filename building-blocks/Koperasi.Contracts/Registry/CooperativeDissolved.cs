using MassTransit;

namespace Koperasi.Contracts.Registry;

/// <summary>A koperasi ceased to exist as a legal entity.</summary>
/// <param name="CooperativeId">The koperasi.</param>
/// <param name="StreamVersion">Version of its stream after this event.</param>
/// <param name="OccurredAt">When the Registry recorded it.</param>
/// <param name="Reason">"merger" or "amalgamation" (dissolved by law, without liquidation), or "members-meeting" or "government" (a dissolution case, after liquidation, no successor).</param>
/// <param name="EffectiveOn">The day it ended.</param>
/// <param name="SuccessorId">The koperasi its members, rights and obligations passed to, if any.</param>
/// <param name="CaseId">The transformation case that ended it, if any.</param>
/// <param name="WithoutLiquidation">True when no liquidation team (tim penyelesai) is named.</param>
[MessageUrn("koperasi:registry:cooperative-dissolved:v1")]
public sealed record CooperativeDissolved(
    Guid CooperativeId,
    long StreamVersion,
    DateTimeOffset OccurredAt,
    string Reason,
    DateOnly EffectiveOn,
    Guid? SuccessorId,
    Guid? CaseId,
    bool WithoutLiquidation) : IIntegrationEvent;
