using MassTransit;

namespace Koperasi.Contracts.Registry;

/// <summary>
/// A pembina (supervisor) was assigned to a koperasi at a level, or took a level over from another
/// pembina (<see cref="PreviousPembinaUserId"/> set). A koperasi has at most one pembina per level.
/// </summary>
/// <param name="CooperativeId">Internal id of the koperasi.</param>
/// <param name="StreamVersion">Version of the koperasi's stream after this event.</param>
/// <param name="OccurredAt">When the Registry recorded it.</param>
/// <param name="Level">"provinsi" or "kabupaten-kota".</param>
/// <param name="PembinaUserId">The pembina's user id, as the province's identity provider names it.</param>
/// <param name="RegencyCode">BPS code of the regency a kabupaten/kota pembina supervises; null for a provincial one.</param>
/// <param name="EffectiveOn">The day from which the pembina supervises the koperasi.</param>
/// <param name="PreviousPembinaUserId">On a reassignment, the pembina whose assignment ended that day; otherwise null.</param>
[MessageUrn("koperasi:registry:pembina-assigned:v1")]
public sealed record PembinaAssigned(
    Guid CooperativeId,
    long StreamVersion,
    DateTimeOffset OccurredAt,
    string Level,
    string PembinaUserId,
    string? RegencyCode,
    DateOnly EffectiveOn,
    string? PreviousPembinaUserId) : IIntegrationEvent;
