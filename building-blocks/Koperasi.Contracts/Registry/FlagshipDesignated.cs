using MassTransit;

namespace Koperasi.Contracts.Registry;

/// <summary>
/// The Dinas designated a koperasi the flagship (koperasi unggulan) of its regency for a period.
/// Only an aktif, existing koperasi is designated.
/// </summary>
/// <param name="CooperativeId">Internal id of the koperasi.</param>
/// <param name="StreamVersion">Version of the koperasi's stream after this event.</param>
/// <param name="OccurredAt">When the Registry recorded it.</param>
/// <param name="DesignationId">Id of the designation.</param>
/// <param name="RegencyCode">BPS code of the regency it is flagship of.</param>
/// <param name="RegencyName">Name of that regency.</param>
/// <param name="Reason">Why it was designated.</param>
/// <param name="ValidFrom">First day of the period.</param>
/// <param name="ValidUntil">Last day of the period.</param>
/// <param name="DesignatedBy">The user who designated it.</param>
[MessageUrn("koperasi:registry:flagship-designated:v1")]
public sealed record FlagshipDesignated(
    Guid CooperativeId,
    long StreamVersion,
    DateTimeOffset OccurredAt,
    Guid DesignationId,
    string RegencyCode,
    string RegencyName,
    string Reason,
    DateOnly ValidFrom,
    DateOnly ValidUntil,
    string DesignatedBy) : IIntegrationEvent;
