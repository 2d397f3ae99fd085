using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Regions;

namespace Koperasi.Transformation.Cases;

/// <summary>A domicile as sent: the regency code in either spelling ("1571" or "15.71").</summary>
public sealed record DomicileDto(string Street, string Kecamatan, string RegencyCode, string? Village = null, string? PostalCode = null)
{
    /// <summary>The domicile as stored; call only after validation (the regency code is known).</summary>
    public Domicile ToDomicile() => Regencies.TryNormalize(RegencyCode, out var regency)
        ? new Domicile(Street.Trim(), Kecamatan.Trim(), regency, FieldRules.Present(Village), FieldRules.Present(PostalCode))
        : throw new InvalidOperationException($"Unknown regency {RegencyCode}: validate first.");

    /// <summary>Records what is wrong with the domicile under <paramref name="field"/>.</summary>
    public void Check(RequestValidation v, string field)
    {
        v.Name(Street, $"{field}.street", 300);
        v.Name(Kecamatan, $"{field}.kecamatan", 100);
        v.Name(Village, $"{field}.village", 100, required: false);
        v.Regency(RegencyCode, $"{field}.regencyCode");
        v.PostalCode(PostalCode, $"{field}.postalCode");
    }
}
