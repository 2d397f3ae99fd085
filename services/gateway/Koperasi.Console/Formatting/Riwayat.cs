namespace Koperasi.Console.Formatting;

/// <summary>A history entry's event type as a line of the timeline, in Bahasa Indonesia.</summary>
public static class Riwayat
{
    private static readonly Dictionary<string, string> Texts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["cooperative_registered"] = "Koperasi didaftarkan",
        ["rat_recorded"] = "RAT dilaporkan",
        ["rat_reported"] = "RAT dilaporkan",
        ["details_changed"] = "Data diubah",
        ["cooperative_details_changed"] = "Data diubah",
        ["activity_changed"] = "Keaktifan berubah",
        ["pembina_assigned"] = "Pembina ditugaskan",
        ["pembina_reassigned"] = "Pembina diganti",
        ["supervision_recorded"] = "Pembinaan dicatat",
        ["follow_up_completed"] = "Tindak lanjut selesai",
        ["flagship_designated"] = "Ditetapkan sebagai koperasi unggulan",
        ["flagship_designation_ended"] = "Penetapan koperasi unggulan berakhir",
        ["nik_koperasi_renewed"] = "NIK koperasi diperpanjang",
        ["kdmp_marked"] = "Ditandai sebagai KDMP",
        ["government_aid_received"] = "Bantuan pemerintah diterima",
        ["articles_amended"] = "Anggaran dasar diubah",
        // Dumisake (Funding): an application's events, as Funding names them in its history.
        ["application-submitted"] = "Permohonan diajukan",
        ["documents-checked"] = "Dokumen diperiksa",
        ["field-verified"] = "Verifikasi lapangan dicatat",
        ["application-found-eligible"] = "Dinyatakan layak",
        ["application-found-not-eligible"] = "Dinyatakan tidak layak",
        ["grant-decreed"] = "Hibah ditetapkan dengan SK",
        ["disbursement-requested"] = "Pencairan diajukan ke bank",
        ["disbursement-failed"] = "Pencairan gagal",
        ["disbursement-retried"] = "Pencairan diulang",
        ["grant-disbursed"] = "Hibah dicairkan",
        ["monitoring-visit-recorded"] = "Kunjungan monitoring dicatat",
        ["application-closed"] = "Permohonan selesai",
        ["application-cancelled"] = "Permohonan dibatalkan",
        ["decreed-grant-withdrawn"] = "Hibah ditarik kembali",
    };

    /// <summary>
    /// The Indonesian line for an event type as the history answers it (the Registry's stored names are
    /// kebab-case, "cooperative-registered"; snake_case and PascalCase read the same); the type itself otherwise.
    /// </summary>
    public static string Of(string type) =>
        Texts.TryGetValue(type, out var text) || Texts.TryGetValue(Snake(type.Replace('-', '_')), out text) ? text : type;

    private static string Snake(string type) =>
        type.Contains('_', StringComparison.Ordinal)
            ? type
            : string.Concat(type.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
