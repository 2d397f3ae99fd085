using Koperasi.Registry.Cooperatives;
using Koperasi.ServiceDefaults.Regions;

namespace Koperasi.Registry.Demo;

/// <summary>
/// What one demo koperasi must be: decided up front so every count comes out exact. A Koperasi
/// Desa/Kelurahan Merah Putih has the desa (Kemendagri code) it is the KDMP of.
/// </summary>
internal sealed record DemoSlot(string RegencyCode, ActivityStatus Status, SupervisionLevel Level, CooperativeType Type, CooperativeForm Form, bool MerahPutih, string? DesaCode = null);

/// <summary>
/// Deals the targets out as slots: per regency exactly its aktif and tidak aktif, the provincial
/// ones and their types exactly, exactly the produsen total; the rest is drawn by weight.
/// </summary>
internal static class DemoPlan
{
    // Choices of the demo, not published figures.
    private const int NasionalAktif = 9;
    private const int NasionalTidakAktif = 2;

    private static readonly HashSet<string> Cities = ["1571", "1572"];

    public static IReadOnlyList<DemoSlot> Slots(DemoTargets targets, Random random)
    {
        var slots = targets.Regencies
            .SelectMany(r => Enumerable.Repeat(r.Code, r.Aktif).Select(code => new Slot(code, ActivityStatus.Aktif))
                .Concat(Enumerable.Repeat(r.Code, r.TidakAktif).Select(code => new Slot(code, ActivityStatus.TidakAktif))))
            .ToList();

        // Provincial koperasi gather in and around the capital, where the province's offices are.
        var provincial = random.Sample(Where(slots, ActivityStatus.Aktif), targets.Provincial.Aktif, s => CapitalWeight(s.RegencyCode))
            .Concat(random.Sample(Where(slots, ActivityStatus.TidakAktif), targets.Provincial.TidakAktif, s => CapitalWeight(s.RegencyCode)))
            .ToList();
        provincial.ForEach(s => s.Level = SupervisionLevel.Provinsi);
        AssignProvincialTypes(provincial, targets.Provincial, random);
        AssignKdmp(slots, targets.Kdmp.Count, random);

        var regencyLevel = slots.Where(s => s.Level == SupervisionLevel.KabupatenKota && !s.MerahPutih).ToList();
        foreach (var s in random.Sample(Where(regencyLevel, ActivityStatus.Aktif), NasionalAktif, s => CapitalWeight(s.RegencyCode) * 2)
            .Concat(random.Sample(Where(regencyLevel, ActivityStatus.TidakAktif), NasionalTidakAktif, s => CapitalWeight(s.RegencyCode))))
        {
            s.Level = SupervisionLevel.Nasional;
        }

        var rest = slots.Where(s => s.Level != SupervisionLevel.Provinsi && !s.MerahPutih).ToList();
        var produsen = targets.Produsen - provincial.Count(s => s.Type == CooperativeType.Produsen);
        var producers = random.Sample(rest, produsen, s => Cities.Contains(s.RegencyCode) ? 0.35 : 1.0).ToHashSet();
        foreach (var s in rest)
        {
            s.Type = producers.Contains(s) ? CooperativeType.Produsen : OtherType(s.RegencyCode, random);
        }

        foreach (var s in slots.Where(s => !s.MerahPutih))
        {
            var sekunder = s.Level switch { SupervisionLevel.Nasional => 0.4, SupervisionLevel.Provinsi => 0.08, _ => 0.025 };
            s.Form = random.Chance(sekunder) ? CooperativeForm.Sekunder : CooperativeForm.Primer;
        }

        return [.. slots.Select(s => new DemoSlot(s.RegencyCode, s.Status, s.Level, s.Type, s.Form, s.MerahPutih, s.DesaCode))];
    }

    /// <summary>
    /// Makes <paramref name="count"/> aktif koperasi the KDMP of as many desa: the provincial
    /// Koperasi Desa Merah Putih first, then regency-level aktif ones. The desa are drawn from all of
    /// Jambi's desa and kelurahan, each from a regency that still has an aktif koperasi to spare.
    /// </summary>
    private static void AssignKdmp(List<Slot> slots, int count, Random random)
    {
        var desa = Places.AllDesa.ToList();
        random.Shuffle(desa);
        var regencyOf = (Desa d) => Places.FindKecamatan(d.KecamatanCode)!.RegencyCode;
        var marked = slots.Where(s => s.MerahPutih).ToList();
        var candidates = slots.Where(s => !s.MerahPutih && s.Status == ActivityStatus.Aktif && s.Level == SupervisionLevel.KabupatenKota)
            .GroupBy(s => s.RegencyCode)
            .ToDictionary(g => g.Key, g => new Queue<Slot>(g));
        if (marked.Count > count)
        {
            throw new InvalidOperationException($"{marked.Count} provincial Koperasi Desa Merah Putih, more than the {count} KDMP.");
        }

        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var slot in marked)
        {
            var d = desa.First(d => regencyOf(d) == slot.RegencyCode && !used.Contains(d.Code));
            slot.DesaCode = d.Code;
            used.Add(d.Code);
        }

        var left = count - marked.Count;
        foreach (var d in desa.Where(d => !used.Contains(d.Code)))
        {
            if (left == 0)
            {
                break;
            }

            if (candidates.TryGetValue(regencyOf(d), out var queue) && queue.TryDequeue(out var slot))
            {
                (slot.Type, slot.MerahPutih, slot.DesaCode) = (CooperativeType.Konsumen, true, d.Code);
                left--;
            }
        }

        if (left > 0)
        {
            throw new InvalidOperationException($"Only {count - left} of the {count} KDMP found an aktif koperasi in the regency of their desa.");
        }
    }

    private static void AssignProvincialTypes(List<Slot> provincial, DemoTargets.ProvincialTarget target, Random random)
    {
        // The village cooperative programme began in 2025, so its koperasi are young and aktif.
        var merahPutih = random.Sample(Where(provincial, ActivityStatus.Aktif), target.KoperasiDesaMerahPutih, _ => 1);
        merahPutih.ForEach(s => (s.Type, s.MerahPutih) = (CooperativeType.Konsumen, true));

        var others = provincial.Except(merahPutih).ToList();
        var types = target.Types.SelectMany(t => Enumerable.Repeat(t.Type, t.Count)).ToList();
        if (types.Count != others.Count)
        {
            throw new InvalidOperationException($"The provincial types add up to {types.Count + merahPutih.Count}, not {provincial.Count}.");
        }

        random.Shuffle(types);
        for (var i = 0; i < others.Count; i++)
        {
            others[i].Type = types[i];
        }
    }

    private static CooperativeType OtherType(string regencyCode, Random random) => Cities.Contains(regencyCode)
        ? random.Weighted([(0.70, CooperativeType.Konsumen), (0.12, CooperativeType.SimpanPinjam), (0.13, CooperativeType.Jasa), (0.05, CooperativeType.Pemasaran)])
        : random.Weighted([(0.72, CooperativeType.Konsumen), (0.07, CooperativeType.SimpanPinjam), (0.09, CooperativeType.Jasa), (0.12, CooperativeType.Pemasaran)]);

    private static double CapitalWeight(string regencyCode) => regencyCode switch { "1571" => 6, "1505" => 2, _ => 1 };

    private static List<Slot> Where(IEnumerable<Slot> slots, ActivityStatus status) => [.. slots.Where(s => s.Status == status)];

    private sealed class Slot(string regencyCode, ActivityStatus status)
    {
        public string RegencyCode { get; } = regencyCode;
        public ActivityStatus Status { get; } = status;
        public SupervisionLevel Level { get; set; } = SupervisionLevel.KabupatenKota;
        public CooperativeType Type { get; set; }
        public CooperativeForm Form { get; set; }
        public bool MerahPutih { get; set; }
        public string? DesaCode { get; set; }
    }
}
