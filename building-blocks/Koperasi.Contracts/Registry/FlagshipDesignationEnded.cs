using MassTransit;

namespace Koperasi.Contracts.Registry;

/// <summary>The Dinas ended a flagship designation before the end of its period.</summary>
/// <param name="CooperativeId">Internal id of the koperasi.</param>
/// <param name="StreamVersion">Version of the koperasi's stream after this event.</param>
/// <param name="OccurredAt">When the Registry recorded it.</param>
/// <param name="DesignationId">Id of the designation.</param>
/// <param name="RegencyCode">BPS code of the regency it was flagship of.</param>
/// <param name="EndedOn">The first day it no longer holds.</param>
/// <param name="Reason">Why it was ended.</param>
/// <param name="EndedBy">The user who ended it.</param>
[MessageUrn("koperasi:registry:flagship-designation-ended:v1")]
public sealed record FlagshipDesignationEnded(
    Guid CooperativeId,
    long StreamVersion,
    DateTimeOffset OccurredAt,
    Guid DesignationId,
    string RegencyCode,
    DateOnly EndedOn,
    string Reason,
    string EndedBy) : IIntegrationEvent;
