namespace Koperasi.Contracts.Transformation;

/// <summary>The ministry's decree that ratified a transformation.</summary>
/// <param name="DecreeNumber">Decree number (free text, as the ministry writes it).</param>
/// <param name="DecreeDate">Decree date.</param>
public sealed record Ratification(string DecreeNumber, DateOnly DecreeDate);

/// <summary>The notarial deed of a transformation.</summary>
/// <param name="Number">Deed number.</param>
/// <param name="Date">Deed date.</param>
/// <param name="Notary">The notary.</param>
public sealed record Deed(string Number, DateOnly Date, string Notary);

/// <summary>A domicile address.</summary>
/// <param name="Street">Street address.</param>
/// <param name="Kecamatan">Kecamatan.</param>
/// <param name="RegencyCode">BPS code of the kabupaten or kota, e.g. "1571".</param>
/// <param name="Village">Desa or kelurahan, if known.</param>
/// <param name="PostalCode">Postal code, if known.</param>
public sealed record Domicile(string Street, string Kecamatan, string RegencyCode, string? Village, string? PostalCode);
