using Koperasi.Contracts.Funding;
using Koperasi.Contracts.Registry;
using Koperasi.Contracts.Transformation;

namespace Koperasi.Contracts.Tests;

/// <summary>One fixed instance of every contract: its JSON is the contract's snapshot.</summary>
public static class ContractSamples
{
    private static readonly Guid Cooperative = Guid.Parse("0199a3c4-2f10-7c3a-8d55-6b1e2f3a4b5c");
    private static readonly DateTimeOffset At = new(2026, 11, 22, 3, 15, 0, TimeSpan.Zero);
    private static readonly CooperativeAddress Address = new("Jl. Sultan Thaha 12", "Beringin", "Pasar Jambi", "1571", "Kota Jambi", "36123", "15.71.04", "15.71.04.1001");
    private static readonly Guid Case = Guid.Parse("0199a3c5-8b20-7d4e-9a01-3c2d1e0f4a5b");
    private static readonly Guid Absorbed = Guid.Parse("0199a3c4-5e61-7a2b-8c3d-4e5f6a7b8c9d");
    private static readonly Guid Founded = Guid.Parse("0199a3c6-1a2b-7c3d-8e4f-5a6b7c8d9e0f");
    private static readonly Deed SampleDeed = new("14", new DateOnly(2026, 9, 2), "Notaris Contoh Satu, S.H., M.Kn.");
    private static readonly Ratification SampleRatification = new("AHU-0004521.AH.01.29.TAHUN 2026", new DateOnly(2026, 10, 15));
    private static readonly Guid Application = Guid.Parse("0199a3c7-0a1b-7c2d-8e3f-4a5b6c7d8e9f");
    private static readonly Guid Applicant = Guid.Parse("0199a3c7-1b2c-7d3e-8f4a-5b6c7d8e9f0a");
    private static readonly Guid Programme = Guid.Parse("0199a3c7-2c3d-7e4f-8a5b-6c7d8e9f0a1b");
    private static readonly Guid Record = Guid.Parse("0199a3c8-3d4e-7f5a-8b6c-7d8e9f0a1b2c");
    private static readonly Guid Designation = Guid.Parse("0199a3c8-4e5f-7a6b-8c7d-8e9f0a1b2c3d");
    private static readonly Guid Batch = Guid.Parse("0199a3c8-3d4e-7f5a-8b6c-7d8e9f0a1b2c");
    private static readonly Domicile SampleDomicile = new("Jl. Gatot Subroto 8", "Jambi Timur", "1571", "Talang Banjar", "36141");

    public static IReadOnlyDictionary<Type, object> All { get; } = new Dictionary<Type, object>
    {
        [typeof(CooperativeRegistered)] = new CooperativeRegistered(
            Cooperative, 1, At, "Koperasi Simpan Pinjam Maju Bersama", "primer", "simpan-pinjam", "close-loop", false, false,
            "kabupaten-kota", Address, "518.08/96/BH/XIV.10/VIII/2008", new DateOnly(2008, 8, 14), "9120001234567",
            "Simpan pinjam anggota", 118, null, null, 21, new EstablishmentDeed("7", new DateOnly(2008, 6, 30), "Notaris Contoh Dua, S.H."),
            [new BoardMember("Siti Aminah", "ketua"), new BoardMember("Rahmat Hidayat", "bendahara"), new BoardMember("Yusuf Harahap", "pengawas")],
            [], new CooperativeContact("0741123456", "kantor@koperasi.example")),
        [typeof(CooperativeActivityCorrected)] = new CooperativeActivityCorrected(
            Cooperative, 6, At,
            [new ActivityPeriod(new DateOnly(2008, 8, 14), new DateOnly(2022, 7, 1), "aktif"), new ActivityPeriod(new DateOnly(2022, 7, 1), new DateOnly(2024, 4, 20), "tidak-aktif"), new ActivityPeriod(new DateOnly(2024, 4, 20), null, "aktif")],
            "The activity history was recomputed because a RAT was reported late or the activity policy changed."),
        [typeof(CooperativeDetailsChanged)] = new CooperativeDetailsChanged(
            Cooperative, 5, At, null, [new BoardMember("Siti Aminah", "ketua"), new BoardMember("Rahmat Hidayat", "bendahara")],
            new CooperativeContact("0741123456", "kantor@koperasi.example"), null, "1571-2025-000042"),
        [typeof(CooperativeActivityChanged)] = new CooperativeActivityChanged(
            Cooperative, 3, At, "aktif", "tidak-aktif", new DateOnly(2025, 7, 1), "Tidak menyelenggarakan RAT 3 tahun buku berturut-turut (2022–2024)."),
        [typeof(RatReported)] = new RatReported(
            Cooperative, 2, At, 2024, new DateOnly(2025, 3, 10), 80, 118, "in-person", false, 1_250_000_000m, 3_400_000_000m, 85_500_000m, 118),
        [typeof(CooperativeDissolved)] = new CooperativeDissolved(
            Absorbed, 7, At, "merger", new DateOnly(2026, 10, 15), Cooperative, Case, true),
        [typeof(CooperativeMerged)] = new CooperativeMerged(
            Cooperative, 8, At, [Absorbed], 64, 182, Case, new DateOnly(2026, 10, 15)),
        [typeof(CooperativeAmended)] = new CooperativeAmended(
            Cooperative, 9, At, 2, new DateOnly(2026, 10, 15), Case, "Koperasi Serba Usaha Maju Bersama", null, "jasa", null, null,
            "Jasa angkutan dan simpan pinjam anggota", null),
        [typeof(TransformationNotApplied)] = new TransformationNotApplied(
            Case, 0, At, "cooperative-not-registered", "Koperasi 0199a3c4-5e61-7a2b-8c3d-4e5f6a7b8c9d is no longer a legal entity."),
        [typeof(TransformationCaseOpened)] = new TransformationCaseOpened(
            Case, 1, At, "merger", [Cooperative, Absorbed], ["1571"]),
        [typeof(MergerApproved)] = new MergerApproved(
            Case, 6, At, Cooperative, [Absorbed], SampleDeed, SampleRatification, new DateOnly(2026, 10, 15)),
        [typeof(AmalgamationApproved)] = new AmalgamationApproved(
            Case, 6, At, [Cooperative, Absorbed],
            new NewCooperative(Founded, "Koperasi Produsen Tani Bersatu", "primer", "produsen", null, false, true, ["petani", "pedagang"], "kabupaten-kota", SampleDomicile, "Pengolahan dan pemasaran hasil pertanian"),
            SampleDeed, SampleRatification, new DateOnly(2026, 10, 15)),
        [typeof(ArticlesAmendmentApproved)] = new ArticlesAmendmentApproved(
            Case, 5, At, Cooperative, new ArticlesChanges("Koperasi Serba Usaha Maju Bersama", null, "jasa", null, null, "Jasa angkutan dan simpan pinjam anggota", null),
            SampleDeed, SampleRatification, new DateOnly(2026, 10, 15)),
        [typeof(TransformationCaseCompleted)] = new TransformationCaseCompleted(
            Case, 7, At, "merger", [Cooperative, Absorbed], Cooperative),
        [typeof(TransformationCaseRejected)] = new TransformationCaseRejected(
            Case, 3, At, "merger", [Cooperative, Absorbed], "quorum-not-met", "The members' meeting of Koperasi 0199a3c4-5e61-7a2b-8c3d-4e5f6a7b8c9d was attended by 40 of 96 members; the quorum of 3/4 was not met."),
        [typeof(GrantApplicationSubmitted)] = new GrantApplicationSubmitted(
            Application, 1, At, Applicant, Programme, 2026, "mak-mak", "1503", "Pelawan", Cooperative),
        [typeof(GrantDecreed)] = new GrantDecreed(
            Application, 5, At, Applicant, Programme, 2026, "mak-mak", "1503", "Pelawan", Cooperative, 5_000_000m,
            "188.4/321/KPTS/DISKOP/2026", new DateOnly(2026, 9, 30)),
        [typeof(GrantDisbursed)] = new GrantDisbursed(
            Application, 6, At, Applicant, Programme, 2026, "1503", Cooperative, 5_000_000m, new DateOnly(2026, 10, 7), "TRF-20261007-000451"),
        [typeof(GrantMonitored)] = new GrantMonitored(
            Application, 7, At, Applicant, 2026, "1503", new DateOnly(2026, 11, 12), true, 3_500_000m, "Keripik pisang, 40 bungkus per hari"),
        [typeof(PembinaAssigned)] = new PembinaAssigned(
            Cooperative, 10, At, "kabupaten-kota", "pembina.merangin", "1502", new DateOnly(2026, 11, 22), "pembina.merangin.lama"),
        [typeof(SupervisionRecorded)] = new SupervisionRecorded(
            Cooperative, 11, At, Record, "visit", new DateOnly(2026, 11, 3), "pembina.merangin", "1502",
            "Buku kas belum diperbarui sejak Agustus; pengurus belum menjadwalkan RAT tahun buku 2025.",
            "Perbarui buku kas dan jadwalkan RAT sebelum 30 Juni 2026.",
            [new SupervisionFollowUp(1, "Kirim salinan buku kas yang diperbarui", new DateOnly(2026, 11, 30)), new SupervisionFollowUp(2, "Tetapkan tanggal RAT", new DateOnly(2026, 12, 31))]),
        [typeof(FlagshipDesignated)] = new FlagshipDesignated(
            Cooperative, 12, At, Designation, "1502", "Merangin", "RAT tepat waktu lima tahun berturut-turut; unit usaha simpan pinjam sehat.",
            new DateOnly(2026, 11, 1), new DateOnly(2027, 12, 31), "admin.dinas"),
        [typeof(FlagshipDesignationEnded)] = new FlagshipDesignationEnded(
            Cooperative, 13, At, Designation, "1502", new DateOnly(2027, 3, 1), "Diganti penetapan baru.", "admin.dinas"),
        [typeof(KdmpMarked)] = new KdmpMarked(
            Cooperative, 14, At, "15.02.02.1010", "Pasar Bangko", "15.02.02", "Bangko", "1502", new DateOnly(2025, 7, 21)),
        [typeof(TransformationCaseWithdrawn)] = new TransformationCaseWithdrawn(
            Case, 2, At, "amalgamation", [Cooperative, Absorbed], "Rapat pengurus menunda rencana peleburan."),
        [typeof(DissolutionCaseOpened)] = new DissolutionCaseOpened(
            Case, 1, At, Cooperative, "1571", "government", new DateOnly(2026, 3, 2)),
        [typeof(DissolutionDecided)] = new DissolutionDecided(
            Case, 8, At, Cooperative, "government", new DateOnly(2026, 10, 15), "012/KEP/M.KUKM.2/X/2026"),
        [typeof(DissolutionCompleted)] = new DissolutionCompleted(
            Case, 14, At, Cooperative, "government", new DateOnly(2027, 3, 1)),
        [typeof(DissolutionCaseClosed)] = new DissolutionCaseClosed(
            Case, 4, At, Cooperative, "rejected", "quorum-not-met", "40 of 96 members attended; the quorum of 3/4 was not met."),
        [typeof(DissolutionBatchSent)] = new DissolutionBatchSent(
            Batch, 4, At, new DateOnly(2026, 7, 1), [new DissolutionBatchItem(Case, Cooperative, "1571")]),
        [typeof(DissolutionAnswerReceived)] = new DissolutionAnswerReceived(
            Batch, 6, At, Case, Cooperative, "documents-needed", null, null, null, ["Akta pendirian asli", "Surat keterangan kehilangan dari kepolisian"]),
    };
}
