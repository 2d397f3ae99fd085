namespace Koperasi.Console.Gateway;

/// <summary>
/// The Indonesian texts of the API's rules and fields. A rule not listed falls back to a text by
/// HTTP status; a field not listed shows its own name. Add a rule here when a page starts sending
/// a command that can break it.
/// </summary>
public static class TeksMasalah
{
    private static readonly Dictionary<string, string> Rules = new(StringComparer.Ordinal)
    {
        ["validation"] = "Isian belum benar. Periksa kolom yang ditandai.",
        ["concurrency-conflict"] = "Data ini sudah diubah orang lain sejak halaman dibuka. Muat ulang halaman, lalu ulangi.",
        ["if-match-required"] = "Versi data tidak dikirim. Muat ulang halaman, lalu ulangi.",
        ["not-found"] = "Data tidak ditemukan.",
        ["too-many-requests"] = "Terlalu banyak permintaan. Tunggu sebentar, lalu ulangi.",
        ["service-unavailable"] = "Layanan sedang tidak tersedia. Coba lagi beberapa saat lagi.",
        // Cases (Pages/Kasus): transformations, dissolutions and ministry batches.
        ["cooperative-unknown"] = "Koperasi ini belum dikenal layanan kasus dari register.",
        ["cooperative-dissolved"] = "Koperasi ini sudah bubar.",
        ["cooperative-in-open-case"] = "Koperasi ini sedang dalam kasus lain yang masih terbuka.",
        ["participants-not-distinct"] = "Setiap koperasi hanya boleh dipilih sekali.",
        ["merger-needs-absorbed-cooperative"] = "Pilih sekurang-kurangnya satu koperasi yang bergabung.",
        ["proposal-in-future"] = "Tanggal usulan tidak boleh di masa depan.",
        ["quorum-not-met"] = "Kuorum rapat anggota tidak tercapai; kasus ditolak.",
        ["majority-not-reached"] = "Suara setuju tidak mencapai batas keputusan; kasus ditolak.",
        ["members-total-below-register"] = "Jumlah anggota lebih kecil daripada jumlah anggota di register.",
        ["meeting-already-recorded"] = "Keputusan rapat anggota koperasi ini sudah dicatat.",
        ["meeting-before-proposal"] = "Tanggal rapat tidak boleh sebelum tanggal usulan.",
        ["meeting-in-future"] = "Tanggal rapat tidak boleh di masa depan.",
        ["not-a-participant"] = "Koperasi ini bukan peserta kasus.",
        ["deed-before-meetings"] = "Tanggal akta tidak boleh sebelum rapat anggota.",
        ["deed-in-future"] = "Tanggal akta tidak boleh di masa depan.",
        ["deed-already-recorded"] = "Akta notaris sudah dicatat.",
        ["ratification-before-deed"] = "Tanggal pengesahan tidak boleh sebelum tanggal akta.",
        ["ratification-not-required"] = "Perubahan ini tidak memerlukan pengesahan kementerian.",
        ["decree-in-future"] = "Tanggal keputusan tidak boleh di masa depan.",
        ["step-out-of-order"] = "Langkah ini belum atau tidak lagi dapat dicatat pada tahap kasus sekarang.",
        ["step-not-on-this-path"] = "Langkah ini tidak ada pada jalur pembubaran ini.",
        ["case-closed"] = "Kasus ini sudah ditutup.",
        ["case-already-approved"] = "Kasus ini sudah disetujui; tidak dapat ditarik.",
        ["case-already-decided"] = "Pembubaran ini sudah diputuskan.",
        ["withdrawal-reason-required"] = "Alasan penarikan wajib diisi.",
        ["registry-answer-does-not-match"] = "Register menolak menerapkan kasus ini.",
        ["village-letter-incomplete"] = "Lengkapi nomor, tanggal dan desa pada surat desa.",
        ["announcement-not-over"] = "Masa pengumuman 3 bulan belum berakhir.",
        ["objection-period-over"] = "Masa keberatan 2 bulan sudah berakhir.",
        ["objection-pending"] = "Keberatan koperasi belum diputuskan.",
        ["claims-period-not-over"] = "Masa tagihan 3 bulan belum berakhir.",
        ["creditors-not-notified"] = "Masih ada kreditur yang belum diberi tahu.",
        ["liquidation-team-needs-members"] = "Isi sekurang-kurangnya satu anggota tim penyelesai.",
        ["batch-already-sent"] = "Usulan ini sudah dikirim ke kementerian.",
        ["batch-not-sent"] = "Usulan ini belum dikirim ke kementerian.",
        ["batch-empty"] = "Usulan ini belum berisi kasus.",
        ["ministry-unavailable"] = "Layanan kementerian tidak menjawab; tidak ada yang tercatat. Kirim lagi nanti.",
        // Dumisake (Funding).
        ["wrong-stage"] = "Permohonan tidak berada pada tahap untuk langkah ini. Muat ulang halaman.",
        ["not-eligible"] = "Pemohon tidak memenuhi syarat program.",
        ["eligibility-rules-refuse"] = "Aturan kelayakan program menolak permohonan ini; tidak dapat dinyatakan layak.",
        ["reason-required"] = "Tuliskan sedikitnya satu alasan.",
        ["missing-documents-unnamed"] = "Sebutkan dokumen yang kurang.",
        ["application-already-submitted"] = "NIK ini sudah mengajukan permohonan pada program ini.",
        ["application-window-closed"] = "Masa pengajuan program sudah ditutup atau belum dibuka.",
        ["category-not-open"] = "Kategori ini tidak dibuka pada program ini.",
        ["unknown-programme"] = "Program tidak dikenal.",
        ["nik-birth-date-mismatch"] = "Tanggal lahir tidak sesuai dengan NIK.",
        ["nik-sex-mismatch"] = "Jenis kelamin tidak sesuai dengan NIK.",
        ["birth-date-after-application"] = "Tanggal lahir sesudah tanggal permohonan.",
        ["applicant-under-age"] = "Pemohon belum cukup umur.",
        ["women-only-category"] = "Kategori ini khusus perempuan.",
        ["age-out-of-range"] = "Usia pemohon di luar batas kategori.",
        ["one-grant-per-year"] = "Pemohon sudah menerima hibah pada tahun ini.",
        ["one-grant-ever"] = "Pemohon sudah pernah menerima hibah.",
        ["excluded-occupation"] = "Pekerjaan pemohon tidak termasuk sasaran program.",
        ["kur-debtor"] = "Pemohon masih memiliki pinjaman KUR.",
        ["budget-exceeded"] = "Anggaran program tidak mencukupi untuk SK ini.",
        ["regency-quota-exceeded"] = "Kuota kabupaten/kota terlampaui.",
        ["applications-not-decreeable"] = "Ada permohonan yang tidak dapat ditetapkan dalam SK ini.",
        ["application-not-found"] = "Permohonan tidak ditemukan.",
        ["application-of-another-programme"] = "Permohonan berasal dari program lain.",
        ["cooperative-not-active"] = "Koperasi pemohon tidak aktif.",
        ["decree-number-already-used"] = "Nomor SK ini sudah dipakai.",
        ["decree-date-in-future"] = "Tanggal SK tidak boleh di masa depan.",
        ["grant-not-decreed"] = "Hibah belum ditetapkan dengan SK.",
        ["applicant-erased"] = "Data pribadi pemohon sudah dihapus.",
        [Koperasi.ServiceDefaults.Identity.OutsideRegency.Rule] = "Koperasi ini berada di luar kabupaten/kota wilayah tugas Anda.",
        ["rat-year-already-reported"] = "RAT untuk tahun buku ini sudah dilaporkan.",
        ["rat-in-future"] = "Tanggal RAT tidak boleh di masa depan.",
        ["rat-before-year-closed"] = "RAT baru dapat diadakan setelah tahun buku berakhir.",
        ["rat-year-before-legal-entity"] = "Tahun buku ini sebelum koperasi berbadan hukum.",
        ["cooperative-not-registered"] = "Koperasi ini tidak terdaftar.",
        ["nib-already-registered"] = "NIB ini sudah dipakai koperasi lain.",
        ["nik-koperasi-already-registered"] = "NIK koperasi ini sudah dipakai koperasi lain.",
        ["supervision-in-future"] = "Tanggal pembinaan tidak boleh di masa depan.",
        ["follow-up-due-before-supervision"] = "Batas tindak lanjut tidak boleh sebelum tanggal pembinaan.",
        ["flagship-requires-aktif"] = "Hanya koperasi aktif yang dapat ditetapkan sebagai koperasi unggulan.",
        ["flagship-designation-already-recorded"] = "Penetapan koperasi unggulan ini sudah tercatat.",
        ["pembina-user-required"] = "Nama pengguna pembina wajib diisi.",
        ["pembina-regency-required"] = "Pembina kabupaten/kota harus ditugaskan di kabupaten/kota koperasi.",
        ["unknown-desa"] = "Kode desa tidak dikenal.",
        // Registering a koperasi (Pages/Register/KoperasiBaru).
        [Koperasi.ServiceDefaults.Http.RequestValidation.PersonalDataRule] = "Isian memuat data pribadi (NIK, nomor telepon atau nomor rekening warga). Hapus data itu dari isian.",
        ["decree-number-already-registered"] = "Nomor SK badan hukum ini sudah terdaftar untuk koperasi lain.",
        ["primer-needs-minimum-founders"] = "Koperasi primer memerlukan sekurang-kurangnya 9 orang pendiri (20 orang bila berdiri sebelum 2021).",
        ["sekunder-needs-three-founding-cooperatives"] = "Koperasi sekunder memerlukan sekurang-kurangnya 3 koperasi pendiri.",
        ["savings-loan-scheme-only-for-simpan-pinjam"] = "Koperasi simpan pinjam wajib memilih pola close loop atau open loop; jenis lain tidak memilikinya.",
        ["deed-after-decree"] = "Tanggal akta pendirian tidak boleh sesudah tanggal SK badan hukum.",
        ["unknown-regency"] = "Kabupaten/kota tidak dikenal di Provinsi Jambi.",
        ["kecamatan-required"] = "Kecamatan wajib dipilih.",
        ["unknown-kecamatan"] = "Kecamatan tidak dikenal di kabupaten/kota ini.",
        ["kecamatan-outside-regency"] = "Kecamatan yang dipilih tidak berada di kabupaten/kota ini.",
        ["ambiguous-desa"] = "Nama desa/kelurahan ini dipakai lebih dari satu tempat di kecamatan; tuliskan kodenya.",
        ["desa-outside-kecamatan"] = "Desa/kelurahan ini tidak berada di kecamatan yang dipilih.",
        ["multi-pihak-needs-two-member-classes"] = "Koperasi multi pihak memerlukan sekurang-kurangnya dua kelompok anggota.",
    };

    private static readonly Dictionary<string, string> Fields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["financialYear"] = "Tahun buku",
        ["heldOn"] = "Tanggal RAT",
        ["membersPresent"] = "Anggota hadir",
        ["membersTotal"] = "Jumlah anggota",
        ["mode"] = "Cara pelaksanaan",
        ["assets"] = "Aset",
        ["businessVolume"] = "Volume usaha",
        ["surplus"] = "SHU",
        ["regency"] = "Kabupaten/kota",
        ["name"] = "Nama",
        ["role"] = "Peran",
        ["If-Match"] = "Versi data",
        // Cases (Pages/Kasus).
        ["survivorId"] = "Koperasi penerima",
        ["absorbedIds"] = "Koperasi yang bergabung",
        ["proposedOn"] = "Tanggal usulan",
        ["cooperativeId"] = "Koperasi",
        ["votesFor"] = "Suara setuju",
        ["votesAgainst"] = "Suara menolak",
        ["notary"] = "Notaris",
        ["evidence"] = "Bukti",
        // Dumisake (Funding).
        ["purpose"] = "Tujuan",
        ["nik"] = "NIK",
        ["birthDate"] = "Tanggal lahir",
        ["sex"] = "Jenis kelamin",
        ["category"] = "Kategori",
        ["occupation"] = "Pekerjaan",
        ["businessDescription"] = "Uraian usaha",
        ["phone"] = "Nomor telepon",
        ["kecamatan"] = "Kecamatan",
        ["regencyCode"] = "Kabupaten/kota",
        ["decreeNumber"] = "Nomor SK",
        ["decreeDate"] = "Tanggal SK",
        ["applicationIds"] = "Permohonan",
        ["bankCode"] = "Kode bank",
        ["accountNumber"] = "Nomor rekening",
        ["accountHolder"] = "Nama pemilik rekening",
        ["reasons"] = "Alasan",
        ["missing"] = "Dokumen yang kurang",
        ["monthlyRevenue"] = "Omzet per bulan",
        ["reason"] = "Alasan",
        ["asOf"] = "Tanggal",
        ["q"] = "Kata kunci",
        ["page"] = "Halaman",
        ["visitedOn"] = "Tanggal kunjungan",
        ["findings"] = "Temuan",
        ["user"] = "Pengguna pembina",
        // Registering a koperasi.
        ["form"] = "Bentuk",
        ["type"] = "Jenis",
        ["savingsLoanScheme"] = "Pola simpan pinjam",
        ["street"] = "Alamat jalan",
        ["desa"] = "Desa/kelurahan",
        ["postalCode"] = "Kode pos",
        ["foundingMembers"] = "Jumlah pendiri",
        ["memberCount"] = "Jumlah anggota",
        ["businessField"] = "Bidang usaha",
        ["nib"] = "NIB",
        ["email"] = "Surel",
        ["deed.date"] = "Tanggal akta",
        ["deed.number"] = "Nomor akta",
    };

    /// <summary>The Indonesian text of a rule, or null when none is known.</summary>
    public static string? ForRule(string? rule) => rule is not null && Rules.TryGetValue(rule, out var text) ? text : null;

    /// <summary>A text by HTTP status, the fallback for a rule without its own.</summary>
    public static string ForStatus(int status) => status switch
    {
        400 => "Permintaan tidak dapat diproses. Periksa isian Anda.",
        401 => "Sesi Anda telah berakhir. Silakan masuk kembali.",
        403 => "Peran Anda tidak berwenang melakukan ini.",
        404 => "Data tidak ditemukan.",
        409 => "Permintaan bertentangan dengan data yang sudah tercatat.",
        412 => "Data ini sudah diubah orang lain sejak halaman dibuka. Muat ulang halaman, lalu ulangi.",
        422 => "Permintaan melanggar aturan.",
        428 => "Versi data tidak dikirim. Muat ulang halaman, lalu ulangi.",
        429 => "Terlalu banyak permintaan. Tunggu sebentar, lalu ulangi.",
        >= 500 => "Layanan sedang mengalami gangguan. Coba lagi beberapa saat lagi.",
        _ => "Permintaan tidak berhasil.",
    };

    /// <summary>The Indonesian label of a request field (also "board[0].name"-style paths by their last part).</summary>
    public static string FieldLabel(string field)
    {
        if (Fields.TryGetValue(field, out var label))
        {
            return label;
        }

        var last = field.Split('.', '[')[^1].TrimEnd(']');
        return Fields.TryGetValue(last, out var part) ? part : field;
    }
}
