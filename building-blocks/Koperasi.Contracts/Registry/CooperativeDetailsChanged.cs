using MassTransit;

namespace Koperasi.Contracts.Registry;

/// <summary>
/// Notifiable data of a koperasi changed (no amendment of its articles needed). Only the parts
/// that changed are set; a null part is unchanged.
/// </summary>
/// <param name="CooperativeId">Internal id of the koperasi.</param>
/// <param name="StreamVersion">Version of the koperasi's stream after this event.</param>
/// <param name="OccurredAt">When the Registry recorded it.</param>
/// <param name="Address">New domicile address (same regency), if changed.</param>
/// <param name="Board">New board (pengurus and pengawas), if changed.</param>
/// <param name="Contact">New contact data, if changed.</param>
/// <param name="Nib">New NIB, if changed.</param>
/// <param name="NikKoperasi">New NIK koperasi, if changed.</param>
[MessageUrn("koperasi:registry:cooperative-details-changed:v1")]
public sealed record CooperativeDetailsChanged(
    Guid CooperativeId,
    long StreamVersion,
    DateTimeOffset OccurredAt,
    CooperativeAddress? Address,
    IReadOnlyList<BoardMember>? Board,
    CooperativeContact? Contact,
    string? Nib,
    string? NikKoperasi) : IIntegrationEvent;

/// <summary>A member of the board.</summary>
/// <param name="Name">Full name.</param>
/// <param name="Position">ketua, wakil-ketua, sekretaris, bendahara, pengawas or anggota-pengurus.</param>
public sealed record BoardMember(string Name, string Position);

/// <summary>Contact data of the koperasi's office.</summary>
/// <param name="Phone">Office phone.</param>
/// <param name="Email">Office e-mail.</param>
public sealed record CooperativeContact(string? Phone, string? Email);
