using MassTransit;

namespace Koperasi.Contracts.Registry;

/// <summary>
/// A koperasi was marked as the Koperasi Desa/Kelurahan Merah Putih (KDMP) of a desa or kelurahan.
/// A desa has at most one KDMP; a koperasi is the KDMP of one desa.
/// </summary>
/// <param name="CooperativeId">Internal id of the koperasi.</param>
/// <param name="StreamVersion">Version of the koperasi's stream after this event.</param>
/// <param name="OccurredAt">When the Registry recorded it.</param>
/// <param name="DesaCode">Kemendagri code of the desa or kelurahan, e.g. "15.02.02.1010".</param>
/// <param name="DesaName">Its name.</param>
/// <param name="KecamatanCode">Kemendagri code of its kecamatan, e.g. "15.02.02".</param>
/// <param name="KecamatanName">The kecamatan's name.</param>
/// <param name="RegencyCode">BPS code of the regency.</param>
/// <param name="MarkedOn">The day from which it is the desa's KDMP.</param>
[MessageUrn("koperasi:registry:kdmp-marked:v1")]
public sealed record KdmpMarked(
    Guid CooperativeId,
    long StreamVersion,
    DateTimeOffset OccurredAt,
    string DesaCode,
    string DesaName,
    string KecamatanCode,
    string KecamatanName,
    string RegencyCode,
    DateOnly MarkedOn) : IIntegrationEvent;
