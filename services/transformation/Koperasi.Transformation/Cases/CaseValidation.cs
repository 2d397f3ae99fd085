using System.Text.RegularExpressions;
using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Regions;

namespace Koperasi.Transformation.Cases;

/// <summary>A domicile as sent: the regency code in either spelling ("1571" or "15.71").</summary>
public sealed record DomicileDto(string Street, string Kecamatan, string RegencyCode, string? Village = null, string? PostalCode = null)
{
    /// <summary>The domicile as stored; call only after validation (the regency code is known).</summary>
    public Domicile ToDomicile() => Regencies.TryNormalize(RegencyCode, out var regency)
        ? new Domicile(Street.Trim(), Kecamatan.Trim(), regency, Village?.Trim(), PostalCode)
        : throw new InvalidOperationException($"Unknown regency {RegencyCode}: validate first.");
}

/// <summary>The shape checks the case endpoints share (answered as 400, naming the field).</summary>
public static partial class CaseValidation
{
    /// <summary>Most koperasi a case names: more would be a mistake, not a transformation.</summary>
    public const int MaxParticipants = 50;

    /// <summary>A required one-line text (a name, a place): no control characters, no personal data.</summary>
    public static void Text(RequestValidation v, string? value, string field, int maxLength) =>
        v.Name(value, field, maxLength);

    /// <summary>An optional text: absent is fine, blank or too long is not.</summary>
    public static void OptionalText(RequestValidation v, string? value, string field, int maxLength)
    {
        if (value is not null)
        {
            Text(v, value, field, maxLength);
        }
    }

    /// <summary>An optional free text that may span lines (articles, reasons): absent is fine, blank or too long is not.</summary>
    public static void OptionalFreeText(RequestValidation v, string? value, string field, int maxLength)
    {
        if (value is not null)
        {
            v.FreeText(value, field, maxLength);
        }
    }

    public static void Id(RequestValidation v, Guid id, string field) =>
        v.Check(id != Guid.Empty, field, "Wajib diisi: id koperasi dari register.");

    public static void Ids(RequestValidation v, IReadOnlyList<Guid> ids, string field)
    {
        v.Check(ids.Count <= MaxParticipants, field, $"Paling banyak {MaxParticipants} koperasi.");
        for (var i = 0; i < Math.Min(ids.Count, MaxParticipants); i++)
        {
            Id(v, ids[i], $"{field}[{i}]");
        }
    }

    public static void Domicile(RequestValidation v, DomicileDto domicile, string field)
    {
        Text(v, domicile.Street, $"{field}.street", 300);
        Text(v, domicile.Kecamatan, $"{field}.kecamatan", 100);
        OptionalText(v, domicile.Village, $"{field}.village", 100);
        v.Check(Regencies.TryNormalize(domicile.RegencyCode, out _), $"{field}.regencyCode",
            $"Kode kabupaten/kota '{domicile.RegencyCode}' tidak dikenal: gunakan kode Provinsi Jambi seperti 1571 atau 15.71.");
        v.Check(domicile.PostalCode is null || PostalCode().IsMatch(domicile.PostalCode), $"{field}.postalCode", "Kode pos terdiri dari 5 angka.");
    }

    public static void Date(RequestValidation v, DateOnly date, string field) =>
        v.Check(date.Year >= 1945, field, "Tanggal sebelum tahun 1945 tidak masuk akal untuk koperasi.");

    [GeneratedRegex(@"^\d{5}$")]
    private static partial Regex PostalCode();
}
