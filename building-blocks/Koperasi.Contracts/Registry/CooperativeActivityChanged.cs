using MassTransit;

namespace Koperasi.Contracts.Registry;

/// <summary>
/// The activity of a koperasi changed: it became tidak aktif after the configured number of
/// consecutive financial years without a RAT, or aktif again after a RAT.
/// </summary>
/// <param name="CooperativeId">Internal id of the koperasi.</param>
/// <param name="StreamVersion">Version of the koperasi's stream after this event.</param>
/// <param name="OccurredAt">When the Registry recorded it.</param>
/// <param name="From">"aktif" or "tidak-aktif".</param>
/// <param name="To">"aktif" or "tidak-aktif".</param>
/// <param name="EffectiveOn">The day from which the new activity holds.</param>
/// <param name="Reason">Why, in words an officer reads.</param>
[MessageUrn("koperasi:registry:cooperative-activity-changed:v1")]
public sealed record CooperativeActivityChanged(
    Guid CooperativeId,
    long StreamVersion,
    DateTimeOffset OccurredAt,
    string From,
    string To,
    DateOnly EffectiveOn,
    string Reason) : IIntegrationEvent;
