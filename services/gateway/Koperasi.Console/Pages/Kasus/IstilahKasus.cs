using Koperasi.Console.Formatting;

namespace Koperasi.Console.Pages.Kasus;

/// <summary>Transformation's values (kinds, states, stages, steps, timeline events) in Bahasa Indonesia; other values through <see cref="Istilah"/>.</summary>
public static class IstilahKasus
{
    private static readonly Dictionary<string, string> Words = new(StringComparer.Ordinal)
    {
        // Kinds and states of a transformation case.
        ["merger"] = "Penggabungan",
        ["amalgamation"] = "Peleburan",
        ["articles-amendment"] = "Perubahan anggaran dasar",
        ["proposed"] = "Diusulkan",
        ["awaiting-deed"] = "Menunggu akta notaris",
        ["awaiting-ratification"] = "Menunggu pengesahan kementerian",
        ["approved"] = "Disetujui, menunggu register",
        ["completed"] = "Selesai",
        ["rejected"] = "Ditolak",
        ["withdrawn"] = "Ditarik",
        ["survivor"] = "Penerima penggabungan",
        ["absorbed"] = "Yang bergabung",
        ["participant"] = "Peserta",
        ["amended"] = "Yang diubah",
        // Dissolutions: paths and stages.
        ["members-meeting"] = "Keputusan rapat anggota",
        ["government"] = "Keputusan pemerintah",
        ["meeting-called"] = "Rapat anggota diundang",
        ["verified"] = "Diverifikasi di lapangan",
        ["announced"] = "Diumumkan",
        ["proposed-to-ministry"] = "Diusulkan ke kementerian",
        ["notice-issued"] = "Pemberitahuan kementerian terbit",
        ["objected"] = "Ada keberatan",
        ["decided"] = "Diputuskan bubar",
        ["liquidating"] = "Dalam penyelesaian",
        ["settled"] = "Penyelesaian selesai",
        ["dissolved"] = "Bubar",
        ["supervisory-board"] = "Pengawas",
        ["members"] = "Anggota",
        // Steps due and who takes them.
        ["review-revived-cooperative"] = "Tinjau koperasi yang aktif kembali",
        ["record-members-meeting"] = "Catat rapat anggota",
        ["propose-to-ministry"] = "Usulkan ke kementerian",
        ["objection-period-ends"] = "Masa keberatan berakhir",
        ["ministry-decision"] = "Keputusan kementerian",
        ["decide-objection"] = "Putuskan keberatan",
        ["claims-period-ends"] = "Masa tagihan berakhir",
        ["settle-liquidation"] = "Selesaikan penyelesaian",
        ["dinas"] = "Dinas",
        ["koperasi"] = "Koperasi",
        ["ministry"] = "Kementerian",
        ["liquidation-team"] = "Tim penyelesai",
        // Grounds of a government-path dissolution.
        ["no-rat"] = "Tidak RAT",
        ["no-business"] = "Tidak berusaha",
        ["bankruptcy"] = "Pailit",
        ["court-decision"] = "Putusan pengadilan",
        ["breach"] = "Pelanggaran",
        // Timeline of a case.
        ["merger-proposed"] = "Penggabungan diusulkan",
        ["amalgamation-proposed"] = "Peleburan diusulkan",
        ["articles-amendment-proposed"] = "Perubahan anggaran dasar diusulkan",
        ["members-meeting-recorded"] = "Keputusan rapat anggota dicatat",
        ["notarial-deed-recorded"] = "Akta notaris dicatat",
        ["ratification-recorded"] = "Pengesahan kementerian dicatat",
        ["merger-approved"] = "Disetujui, diteruskan ke register",
        ["amalgamation-approved"] = "Disetujui, diteruskan ke register",
        ["articles-amendment-approved"] = "Disetujui, diteruskan ke register",
        ["case-completed"] = "Selesai: register telah menerapkannya",
        ["case-rejected"] = "Ditolak",
        ["case-withdrawn"] = "Ditarik",
        // New koperasi of an amalgamation, and the statuses of a ministry batch.
        ["close-loop"] = "Tertutup (close loop)",
        ["open-loop"] = "Terbuka (open loop)",
        ["open"] = "Terbuka, menampung kasus",
        ["sent"] = "Dikirim, menunggu jawaban",
        ["answered"] = "Sudah dijawab",
        // Ministry answers and mismatches.
        ["documents-needed"] = "Perlu dokumen",
        ["reverify"] = "Verifikasi ulang",
        ["not-in-batch"] = "Tidak ada dalam usulan",
        ["second-answer"] = "Jawaban kedua",
        ["changed-since-proposed"] = "Berubah sejak diusulkan",
    };

    /// <summary>The Indonesian word for a value of the Kasus pages; <see cref="Istilah.Of"/> otherwise.</summary>
    public static string Of(string? value) =>
        value is not null && Words.TryGetValue(value, out var word) ? word : Istilah.Of(value);

    /// <summary>A case is open while it may still change (not completed, rejected or withdrawn).</summary>
    public static readonly IReadOnlyList<string> OpenStates = ["proposed", "awaiting-deed", "awaiting-ratification", "approved"];

    public static readonly IReadOnlyList<string> CaseStates = ["proposed", "awaiting-deed", "awaiting-ratification", "approved", "completed", "rejected", "withdrawn"];

    public static readonly IReadOnlyList<string> CaseKinds = ["merger", "amalgamation", "articles-amendment"];

    public static readonly IReadOnlyList<string> DissolutionStages =
        ["proposed", "meeting-called", "verified", "announced", "proposed-to-ministry", "notice-issued", "objected", "decided", "liquidating", "settled", "dissolved", "rejected", "withdrawn"];

    // The values a new or changed koperasi takes (the API's kebab-case enums).
    public static readonly IReadOnlyList<string> CooperativeForms = ["primer", "sekunder"];

    public static readonly IReadOnlyList<string> CooperativeTypes = ["konsumen", "produsen", "jasa", "pemasaran", "simpan-pinjam"];

    public static readonly IReadOnlyList<string> SavingsLoanSchemes = ["close-loop", "open-loop"];

    public static readonly IReadOnlyList<string> SupervisionLevels = ["kabupaten-kota", "provinsi", "nasional"];

    public static readonly IReadOnlyList<string> BatchStatuses = ["open", "sent", "answered"];

    /// <summary>A query string of the parts given (blank parts left out).</summary>
    public static string Query(params (string Name, string? Value)[] parts)
    {
        var given = parts.Where(p => !string.IsNullOrWhiteSpace(p.Value)).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        return given.Count == 0 ? "" : "?" + string.Join("&", given);
    }
}
