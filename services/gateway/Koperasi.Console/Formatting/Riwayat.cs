namespace Koperasi.Console.Formatting;

/// <summary>A history entry's event type as a line of the timeline, in Bahasa Indonesia.</summary>
public static class Riwayat
{
    private static readonly Dictionary<string, string> Texts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["cooperative_registered"] = "Koperasi didaftarkan",
        ["rat_recorded"] = "RAT dilaporkan",
        ["details_changed"] = "Data diubah",
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
        // Dumisake (Funding): an application's events.
        ["application_submitted"] = "Permohonan diajukan",
        ["documents_checked"] = "Dokumen diperiksa",
        ["field_verified"] = "Verifikasi lapangan dicatat",
        ["application_found_eligible"] = "Dinyatakan layak",
        ["application_found_not_eligible"] = "Dinyatakan tidak layak",
        ["grant_awarded"] = "Hibah ditetapkan dengan SK",
        ["disbursement_requested"] = "Pencairan diajukan ke bank",
        ["disbursement_failed"] = "Pencairan gagal",
        ["disbursement_retried"] = "Pencairan diulang",
        ["disbursement_completed"] = "Hibah dicairkan",
        ["monitoring_visit_recorded"] = "Kunjungan monitoring dicatat",
        ["application_closed"] = "Permohonan selesai",
        ["application_cancelled"] = "Permohonan dibatalkan",
        ["withdrawn_grant"] = "Hibah ditarik kembali",
    };

    /// <summary>The Indonesian line for an event type (snake_case or PascalCase); the type itself otherwise.</summary>
    public static string Of(string type)
    {
        var key = Snake(type);
        return Texts.TryGetValue(key, out var text) ? text : type;
    }

    private static string Snake(string type) =>
        type.Contains('_', StringComparison.Ordinal)
            ? type
            : string.Concat(type.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
