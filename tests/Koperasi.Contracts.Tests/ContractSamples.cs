using Koperasi.Contracts.Registry;

namespace Koperasi.Contracts.Tests;

/// <summary>One fixed instance of every contract: its JSON is the contract's snapshot.</summary>
public static class ContractSamples
{
    private static readonly Guid Cooperative = Guid.Parse("0199a3c4-2f10-7c3a-8d55-6b1e2f3a4b5c");
    private static readonly DateTimeOffset At = new(2026, 11, 22, 3, 15, 0, TimeSpan.Zero);
    private static readonly CooperativeAddress Address = new("Jl. Sultan Thaha 12", "Beringin", "Pasar Jambi", "1571", "Kota Jambi", "36123");

    public static IReadOnlyDictionary<Type, object> All { get; } = new Dictionary<Type, object>
    {
        [typeof(CooperativeRegistered)] = new CooperativeRegistered(
            Cooperative, 1, At, "Koperasi Simpan Pinjam Maju Bersama", "primer", "simpan-pinjam", "close-loop", false, false,
            "kabupaten-kota", Address, "518.08/96/BH/XIV.10/VIII/2008", new DateOnly(2008, 8, 14), "9120001234567",
            "Simpan pinjam anggota", 118),
        [typeof(CooperativeDetailsChanged)] = new CooperativeDetailsChanged(
            Cooperative, 5, At, null, [new BoardMember("Siti Aminah", "ketua"), new BoardMember("Rahmat Hidayat", "bendahara")],
            new CooperativeContact("0741123456", "kantor@koperasi.example"), null, "1571-2025-000042"),
        [typeof(CooperativeActivityChanged)] = new CooperativeActivityChanged(
            Cooperative, 3, At, "aktif", "tidak-aktif", new DateOnly(2025, 7, 1), "Tidak menyelenggarakan RAT 3 tahun buku berturut-turut (2022–2024)."),
        [typeof(RatReported)] = new RatReported(
            Cooperative, 2, At, 2024, new DateOnly(2025, 3, 10), 80, 118, "in-person", false, 1_250_000_000m, 3_400_000_000m, 85_500_000m),
    };
}
