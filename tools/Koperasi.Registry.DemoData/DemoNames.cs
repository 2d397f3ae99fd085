using Koperasi.Registry.Cooperatives;

namespace Koperasi.Registry.Demo;

/// <summary>
/// Invented names: koperasi, people, villages and streets put together from common Indonesian
/// words. None is taken from a real register or a real person.
/// </summary>
internal static class DemoNames
{
    private static readonly string[] FirstWords =
    [
        "Sejahtera", "Karya", "Sumber", "Mitra", "Harapan", "Berkah", "Tunas", "Bina", "Bumi", "Sinar", "Cahaya", "Mekar",
        "Citra", "Usaha", "Rukun", "Setia", "Tuah", "Serumpun", "Sepakat", "Sehati", "Swadaya", "Mufakat", "Lestari",
        "Kencana", "Permata", "Mutiara", "Pelita", "Dharma", "Sakato", "Amanah", "Saiyo",
    ];

    private static readonly string[] SecondWords =
    [
        "Bersama", "Mandiri", "Makmur", "Jaya", "Abadi", "Sentosa", "Lestari", "Utama", "Sejati", "Baru", "Rezeki", "Sakti",
        "Bahagia", "Harapan", "Maju", "Mulia", "Indah", "Amanah", "Bersatu", "Sepakat", "Mufakat", "Gemilang", "Berkah", "Tani",
    ];

    private static readonly string[] MaleNames =
    [
        "Ahmad", "Muhammad", "Abdul", "Syamsul", "Zulkifli", "Hendra", "Rahmat", "Junaidi", "Iskandar", "Hasan", "Ridwan",
        "Firdaus", "Saiful", "Arman", "Yusuf", "Budi", "Agus", "Eko", "Darmawan", "Taufik", "Irwan", "Sofyan", "Marzuki",
        "Rusli", "Ilham", "Herman", "Jufri", "Amri", "Mukhlis", "Nasrul",
    ];

    private static readonly string[] FemaleNames =
    [
        "Siti", "Nurhayati", "Dewi", "Yulia", "Fitri", "Rosmawati", "Masnah", "Herlina", "Sri", "Rina", "Wahyuni", "Maimunah",
        "Erlinda", "Yusnita", "Desi", "Nurlela", "Zuraidah", "Rahmah", "Asmawati", "Fatimah", "Yenni", "Lely",
    ];

    private static readonly string[] FamilyNames =
    [
        "Saputra", "Hidayat", "Rahman", "Effendi", "Harahap", "Siregar", "Nasution", "Pratama", "Kurniawan", "Susanti",
        "Wati", "Sari", "Hasibuan", "Lubis", "Syahputra", "Wijaya", "Setiawan", "Hakim", "Ramadhan", "Yanti", "Safitri",
        "Anggraini", "Maulana", "Fauzi", "Hamzah", "Ismail", "Daulay", "Rosadi", "Mardiana", "Zainal",
    ];

    private static readonly string[] VillageFirst =
    [
        "Sungai", "Pematang", "Muara", "Teluk", "Talang", "Rantau", "Koto", "Tanjung", "Lubuk", "Simpang", "Pulau", "Kampung",
        "Renah", "Tebing", "Bukit", "Air", "Suka", "Sido", "Tanah", "Padang",
    ];

    private static readonly string[] VillageSecond =
    [
        "Baru", "Jaya", "Makmur", "Duren", "Rambutan", "Tiga", "Lama", "Panjang", "Harapan", "Mulya", "Indah", "Datar", "Pauh",
        "Gedang", "Kecil", "Besar", "Mudo", "Tinggi", "Raya", "Maju", "Rejo", "Limau", "Kandis", "Aro",
    ];

    private static readonly string[] Streets =
    [
        "Jenderal Sudirman", "Gatot Subroto", "Sultan Thaha", "Kapten Pattimura", "Imam Bonjol", "Diponegoro", "Raden Mattaher",
        "Sultan Agung", "Hos Cokroaminoto", "Pelita", "Merdeka", "Poros Desa", "Pendidikan", "Sisingamangaraja", "Kolonel Abunjani",
        "Depati Parbo", "Veteran", "Pahlawan", "Kenanga", "Flamboyan", "Cempaka", "Mawar", "Pramuka", "Pasar",
    ];

    private static readonly string[] Highways = ["Lintas Sumatera", "Lintas Timur", "Lintas Tengah", "Lingkar Barat", "Lingkar Selatan"];

    private static readonly string[] MemberClasses = ["Petani", "Pekerja", "Konsumen", "Pemodal", "Pengelola", "Pemasok", "Nelayan", "Pengrajin", "Pelaku UMKM"];

    private static readonly (string Field, string[] Prefixes)[] Services =
    [
        ("Jasa angkutan penumpang dan barang", ["Koperasi Jasa Angkutan", "Koperasi Jasa"]),
        ("Jasa wisata alam dan penginapan desa", ["Koperasi Jasa Wisata", "Koperasi Jasa"]),
        ("Pengelolaan air bersih desa", ["Koperasi Jasa"]),
        ("Jasa kebersihan dan keamanan", ["Koperasi Jasa"]),
        ("Penyewaan alat dan mesin pertanian", ["Koperasi Jasa"]),
        ("Jasa listrik pedesaan", ["Koperasi Jasa"]),
        ("Jasa parkir dan pengelolaan pasar", ["Koperasi Jasa", "Koperasi Pedagang Pasar"]),
        ("Jasa boga dan katering", ["Koperasi Jasa"]),
    ];

    private static readonly string[] Shops =
    [
        "Penyediaan kebutuhan pokok anggota", "Toko serba ada dan kantin pegawai", "Penyaluran pupuk dan sarana produksi pertanian",
        "Warung serba ada", "Toko bahan bangunan", "Unit pertokoan dan fotokopi",
    ];

    private static readonly string[] Institutions =
    [
        "Guru", "Pegawai Dinas Pendidikan", "Pegawai Dinas Kesehatan", "Pegawai Kantor Camat", "Pegawai Rumah Sakit Umum Daerah",
        "Pegawai Kementerian Agama", "Pegawai Puskesmas", "Pegawai Dinas Pertanian",
    ];

    public static string Person(Random random)
    {
        var given = random.Chance(0.5) ? random.Pick(MaleNames) : random.Pick(FemaleNames);
        var name = random.Chance(0.85) ? $"{given} {random.Pick(FamilyNames)}" : given;
        return random.Chance(0.06) ? $"H. {name}" : name;
    }

    public static string Notary(Random random) =>
        $"{Person(random).Replace("H. ", "", StringComparison.Ordinal)}, S.H.{(random.Chance(0.6) ? ", M.Kn." : "")}";

    public static string Village(Random random)
    {
        var first = random.Pick(VillageFirst);
        var second = random.Pick(VillageSecond);
        return second == first ? first : $"{first} {second}";
    }

    public static string Street(Random random) => random.Between(0, 9) switch
    {
        < 2 => $"Jl. {random.Pick(Highways)} Km {random.Between(2, 60)}",
        < 4 => $"Jl. {random.Pick(Streets)} RT {random.Between(1, 30):D2}",
        _ => $"Jl. {random.Pick(Streets)} No. {random.Between(1, 250)}",
    };

    public static IReadOnlyList<string> MemberClassesOf(Random random) =>
        [.. MemberClasses.OrderBy(_ => random.Next()).Take(random.Between(2, 3))];

    public static IReadOnlyList<BoardMember> Board(Random random)
    {
        var board = new List<BoardMember>
        {
            new(Person(random), BoardPosition.Ketua),
        };
        if (random.Chance(0.4))
        {
            board.Add(new BoardMember(Person(random), BoardPosition.WakilKetua));
        }

        board.Add(new BoardMember(Person(random), BoardPosition.Sekretaris));
        board.Add(new BoardMember(Person(random), BoardPosition.Bendahara));
        for (var i = random.Between(1, 3); i > 0; i--)
        {
            board.Add(new BoardMember(Person(random), BoardPosition.Pengawas));
        }

        return board;
    }

    /// <summary>
    /// What the koperasi does and its name, named as koperasi in Jambi are: a prefix that fits
    /// the type and business, then two or three hopeful words, sometimes a place.
    /// </summary>
    public static (string Name, string BusinessField) Identity(
        DemoSlot slot, bool syariah, SavingsLoanScheme? scheme, bool multiPihak, DemoPlace place, string kecamatan, string? village, Random random)
    {
        if (slot.MerahPutih)
        {
            return ($"Koperasi Desa Merah Putih {village ?? kecamatan}", "Gerai sembako, apotek desa, klinik desa, pergudangan dan logistik desa");
        }

        var (field, prefixes) = slot.Type switch
        {
            CooperativeType.Produsen => Producing(random.Pick(place.Production)),
            CooperativeType.Pemasaran => ($"Pemasaran {random.Pick(place.Products)} hasil anggota", ["Koperasi Pemasaran", "Koperasi Pemasaran Hasil Bumi"]),
            CooperativeType.SimpanPinjam when syariah => ("Simpan pinjam dan pembiayaan syariah", ["KSPPS", "Koperasi Simpan Pinjam dan Pembiayaan Syariah", "BMT"]),
            CooperativeType.SimpanPinjam when scheme == SavingsLoanScheme.OpenLoop => ("Simpan pinjam anggota, calon anggota dan masyarakat", ["KSP", "Koperasi Simpan Pinjam"]),
            CooperativeType.SimpanPinjam => ("Simpan pinjam untuk anggota", ["KSP", "Koperasi Simpan Pinjam", "Koperasi Kredit"]),
            CooperativeType.Jasa => random.Pick(Services),
            _ => (random.Pick(Shops), ["Koperasi Konsumen", "Koperasi Konsumen", "Koperasi Karyawan", "Koperasi Serba Usaha", "Koperasi Wanita"]),
        };
        if (syariah && slot.Type != CooperativeType.SimpanPinjam)
        {
            prefixes = ["Koperasi Syariah"];
        }

        if (slot.Type == CooperativeType.Konsumen && !syariah && slot.Form == CooperativeForm.Primer && random.Chance(0.2))
        {
            return ($"KPRI {random.Pick(Institutions)} {kecamatan}", random.Pick(["Toko serba ada dan kantin pegawai", "Penyediaan kebutuhan pokok anggota"]));
        }

        return (Name(slot, random.Pick(prefixes), multiPihak, village ?? kecamatan, random), field);
    }

    private static string Name(DemoSlot slot, string prefix, bool multiPihak, string place, Random random)
    {
        while (true)
        {
            var core = Core(random);
            if (random.Chance(0.25))
            {
                core = $"{core} {place}";
            }

            var name = (slot.Form, multiPihak) switch
            {
                (CooperativeForm.Sekunder, _) => $"{random.Pick(["Pusat", "Gabungan"])} {prefix} {core}",
                (_, true) => $"{prefix} Multi Pihak {core}",
                _ => $"{prefix} {core}",
            };
            if (slot.Level == SupervisionLevel.Provinsi && random.Chance(0.25))
            {
                name = $"{name} Provinsi Jambi";
            }

            // "Koperasi Tani Tani Sejati" is no name: draw again.
            var words = name.Split(' ');
            if (words.Distinct(StringComparer.OrdinalIgnoreCase).Count() == words.Length)
            {
                return name;
            }
        }
    }

    private static (string Field, string[] Prefixes) Producing(string field) => field switch
    {
        _ when field.StartsWith("Perkebunan", StringComparison.Ordinal) => (field, ["Koperasi Produsen", "Koperasi Perkebunan", "KUD"]),
        _ when field.Contains("ikan laut", StringComparison.Ordinal) => (field, ["Koperasi Produsen", "Koperasi Nelayan"]),
        _ when field.Contains("ikan", StringComparison.Ordinal) => (field, ["Koperasi Produsen", "Koperasi Perikanan"]),
        _ when field.StartsWith("Kerajinan", StringComparison.Ordinal) => (field, ["Koperasi Produsen", "Koperasi Pengrajin"]),
        _ when field.StartsWith("Produksi", StringComparison.Ordinal) => (field, ["Koperasi Produsen"]),
        _ => (field, ["Koperasi Produsen", "Koperasi Tani", "KUD"]),
    };

    private static string Core(Random random)
    {
        var first = random.Pick(FirstWords);
        var second = random.Pick(SecondWords);
        while (second == first)
        {
            second = random.Pick(SecondWords);
        }

        var third = random.Pick(SecondWords);
        return random.Chance(0.3) && third != first && third != second ? $"{first} {second} {third}" : $"{first} {second}";
    }
}
