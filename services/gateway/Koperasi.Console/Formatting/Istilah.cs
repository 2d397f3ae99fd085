namespace Koperasi.Console.Formatting;

/// <summary>The API's kebab-case values as the console shows them in Bahasa Indonesia.</summary>
public static class Istilah
{
    private static readonly Dictionary<string, string> Words = new(StringComparer.Ordinal)
    {
        ["aktif"] = "Aktif",
        ["tidak-aktif"] = "Tidak aktif",
        ["existing"] = "Berdiri",
        ["dissolving"] = "Dalam pembubaran",
        ["in-liquidation"] = "Dalam likuidasi",
        ["dissolved"] = "Bubar",
        ["primer"] = "Primer",
        ["sekunder"] = "Sekunder",
        ["provinsi"] = "Provinsi",
        ["kabupaten-kota"] = "Kabupaten/kota",
        ["nasional"] = "Nasional",
        ["in-person"] = "Tatap muka",
        ["online"] = "Daring",
        ["konsumen"] = "Konsumen",
        ["produsen"] = "Produsen",
        ["jasa"] = "Jasa",
        ["pemasaran"] = "Pemasaran",
        ["simpan-pinjam"] = "Simpan pinjam",
        ["admin-provinsi"] = "Admin provinsi",
        ["pembina"] = "Pembina",
        ["pendamping"] = "Pendamping",
        ["verifikator"] = "Verifikator",
        ["auditor"] = "Auditor",
        ["service"] = "Layanan (mesin)",
    };

    /// <summary>The Indonesian word for an API value; the value itself when there is none.</summary>
    public static string Of(string? value) =>
        value is null ? "–" : Words.TryGetValue(value, out var word) ? word : value;
}
