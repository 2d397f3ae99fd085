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
        // Dumisake (Funding): application statuses, sexes, occupations.
        ["submitted"] = "Diajukan",
        ["documents-checked"] = "Dokumen diperiksa",
        ["field-verified"] = "Diverifikasi lapangan",
        ["eligible"] = "Layak",
        ["not-eligible"] = "Tidak layak",
        ["decreed"] = "Ditetapkan SK",
        ["disbursement-requested"] = "Pencairan diajukan",
        ["disbursement-failed"] = "Pencairan gagal",
        ["disbursed"] = "Dicairkan",
        ["monitored"] = "Dimonitor",
        ["closed"] = "Selesai",
        ["cancelled"] = "Dibatalkan",
        ["female"] = "Perempuan",
        ["male"] = "Laki-laki",
        ["civil-servant"] = "Aparatur sipil negara",
        ["soldier"] = "TNI",
        ["police-officer"] = "Polri",
        ["state-company-employee"] = "Pegawai BUMN/BUMD",
        ["private-employee"] = "Karyawan swasta",
        ["self-employed"] = "Wiraswasta",
        ["trader"] = "Pedagang",
        ["farmer"] = "Petani",
        ["fisher"] = "Nelayan",
        ["homemaker"] = "Ibu rumah tangga",
        ["student"] = "Pelajar/mahasiswa",
        ["unemployed"] = "Belum bekerja",
        ["other"] = "Lainnya",
    };

    /// <summary>The Indonesian word for an API value; the value itself when there is none.</summary>
    public static string Of(string? value) =>
        value is null ? "–" : Words.TryGetValue(value, out var word) ? word : value;
}
