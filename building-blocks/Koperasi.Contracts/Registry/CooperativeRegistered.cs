using MassTransit;

namespace Koperasi.Contracts.Registry;

/// <summary>
/// A koperasi entered the register of the province. A NIK koperasi, when it has one, follows as a
/// <see cref="CooperativeDetailsChanged"/> once the RATs that entitle it are recorded.
/// </summary>
/// <param name="CooperativeId">Internal id of the koperasi (the Registry's stream id).</param>
/// <param name="StreamVersion">Version of the koperasi's stream after this event.</param>
/// <param name="OccurredAt">When the Registry recorded it.</param>
/// <param name="Name">Registered name.</param>
/// <param name="Form">"primer" or "sekunder".</param>
/// <param name="Type">Jenis: konsumen, produsen, simpan-pinjam, jasa, pemasaran.</param>
/// <param name="SavingsLoanScheme">"close-loop" or "open-loop" for a simpan-pinjam koperasi, otherwise null.</param>
/// <param name="Syariah">Runs on sharia principles.</param>
/// <param name="MultiPihak">Multi-stakeholder (at least two member classes).</param>
/// <param name="SupervisionLevel">"kabupaten-kota", "provinsi" or "nasional".</param>
/// <param name="Address">Domicile.</param>
/// <param name="DecreeNumber">Number of the ministry's decree that made it a legal entity.</param>
/// <param name="DecreeDate">Date of that decree: the koperasi exists as a legal entity from this day.</param>
/// <param name="Nib">Business identification number (13 digits), if any.</param>
/// <param name="BusinessField">Bidang usaha.</param>
/// <param name="MemberCount">Members at registration.</param>
/// <param name="PredecessorIds">For a koperasi founded by amalgamation, the koperasi it came from; otherwise empty.</param>
/// <param name="CaseId">For a koperasi founded by amalgamation, the transformation case; otherwise null.</param>
/// <param name="FoundingMemberCount">How many founded it (the register keeps the number, no founder's name or identifier); null in messages published before it was added.</param>
/// <param name="Deed">The notarial deed of establishment, when the register has it.</param>
/// <param name="Board">The board (pengurus and pengawas) at registration: names and positions only.</param>
/// <param name="MemberClasses">For a multi-pihak koperasi, its member classes (e.g. "petani", "pedagang"); otherwise empty.</param>
/// <param name="Contact">The koperasi's own office contact, when given (never a member's).</param>
[MessageUrn("koperasi:registry:cooperative-registered:v1")]
public sealed record CooperativeRegistered(
    Guid CooperativeId,
    long StreamVersion,
    DateTimeOffset OccurredAt,
    string Name,
    string Form,
    string Type,
    string? SavingsLoanScheme,
    bool Syariah,
    bool MultiPihak,
    string SupervisionLevel,
    CooperativeAddress Address,
    string DecreeNumber,
    DateOnly DecreeDate,
    string? Nib,
    string BusinessField,
    int MemberCount,
    IReadOnlyList<Guid>? PredecessorIds = null,
    Guid? CaseId = null,
    int? FoundingMemberCount = null,
    EstablishmentDeed? Deed = null,
    IReadOnlyList<BoardMember>? Board = null,
    IReadOnlyList<string>? MemberClasses = null,
    CooperativeContact? Contact = null) : IIntegrationEvent;

/// <summary>Domicile of a koperasi.</summary>
/// <param name="Street">Street address.</param>
/// <param name="Village">Desa or kelurahan, if known.</param>
/// <param name="Kecamatan">Kecamatan (district).</param>
/// <param name="RegencyCode">BPS four-digit code of the kabupaten or kota, e.g. "1571".</param>
/// <param name="RegencyName">Name of the kabupaten or kota.</param>
/// <param name="PostalCode">Postal code, if known.</param>
/// <param name="KecamatanCode">Kemendagri code of the kecamatan (e.g. "15.71.01"), when the register knows it.</param>
/// <param name="DesaCode">Kemendagri code of the desa or kelurahan (e.g. "15.71.01.1001"), when the register knows it.</param>
public sealed record CooperativeAddress(
    string Street,
    string? Village,
    string Kecamatan,
    string RegencyCode,
    string RegencyName,
    string? PostalCode,
    string? KecamatanCode = null,
    string? DesaCode = null);

/// <summary>The notarial deed of establishment of a koperasi.</summary>
/// <param name="Number">Deed number.</param>
/// <param name="Date">Deed date.</param>
/// <param name="Notary">The notary.</param>
public sealed record EstablishmentDeed(string Number, DateOnly Date, string Notary);
