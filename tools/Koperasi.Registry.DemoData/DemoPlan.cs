using Koperasi.Registry.Cooperatives;
using Koperasi.ServiceDefaults.Regions;

namespace Koperasi.Registry.Demo;

/// <summary>
/// What one demo koperasi must be: decided up front so every count comes out exact. A Koperasi
/// Desa/Kelurahan Merah Putih has the desa (Kemendagri code) it is the KDMP of.
/// </summary>
internal sealed record DemoSlot(string RegencyCode, ActivityStatus Status, SupervisionLevel Level, CooperativeType Type, CooperativeForm Form, bool MerahPutih, string? DesaCode = null, DemoPath? Path = null);

/// <summary>
/// Deals the targets out as slots: per regency exactly its aktif and tidak aktif, the provincial
/// ones and their types exactly, exactly the produsen total, and on the earlier published days
/// (<see cref="DemoEras"/>) exactly the koperasi registered, aktif and of the published types; the
/// rest is drawn by weight.
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

        DemoEras.Assign(slots, targets, random);
        AssignTypes(slots, targets, random);

        foreach (var s in slots.Where(s => !s.MerahPutih))
        {
            var sekunder = s.Level switch { SupervisionLevel.Nasional => 0.4, SupervisionLevel.Provinsi => 0.08, _ => 0.025 };
            s.Form = random.Chance(sekunder) ? CooperativeForm.Sekunder : CooperativeForm.Primer;
        }

        return [.. slots.Select(s => new DemoSlot(s.RegencyCode, s.Status, s.Level, s.Type, s.Form, s.MerahPutih, s.DesaCode, s.Path))];
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

    /// <summary>
    /// The types of the koperasi neither provincial nor KDMP. Each published type count (the produsen of
    /// the targets' date, the types of each earlier day) fixes how many of them, registered by that day,
    /// are of the type; those are drawn by weight among the koperasi registered in time, the others get a
    /// type whose count is not fixed for their registration, drawn by weight.
    /// </summary>
    private static void AssignTypes(List<Slot> slots, DemoTargets targets, Random random)
    {
        var days = targets.Earlier.Select(e => e.AsOf).Append(targets.AsOf).ToList();
        int Bucket(Slot s) => s.Path is null ? days.Count - 1 : days.FindIndex(d => s.Path.DecreeTo <= d);
        var published = targets.Earlier
            .SelectMany((e, day) => e.Types.Select(t => (t.Type, Day: day, t.Count)))
            .Append((Type: CooperativeType.Produsen, Day: days.Count - 1, Count: targets.Produsen))
            .GroupBy(t => t.Type)
            .OrderBy(g => g.Key == CooperativeType.Produsen ? 0 : 1).ThenBy(g => g.Key)
            .ToList();
        var rest = slots.Where(s => s.Level != SupervisionLevel.Provinsi && !s.MerahPutih).ToList();
        int Fixed(CooperativeType type, int day) => slots.Count(s => Bucket(s) <= day && s.Type == type && !rest.Contains(s));

        // Each published count fixes the type's koperasi registered since the type's previous count; the narrowest windows are dealt first.
        var windows = new List<(CooperativeType Type, int After, int Until, int Need)>();
        var pinned = new Dictionary<CooperativeType, int>();
        foreach (var type in published)
        {
            var (previous, before) = (-1, 0);
            foreach (var (_, day, count) in type.OrderBy(t => t.Day))
            {
                var upTo = count - Fixed(type.Key, day);
                windows.Add((type.Key, previous, day, upTo - before));
                (previous, before) = (day, upTo);
            }

            pinned[type.Key] = previous;
        }

        var typed = new HashSet<Slot>();
        foreach (var (type, after, until, need) in windows.OrderBy(w => w.Until - w.After).ThenBy(w => w.Until))
        {
            if (need < 0)
            {
                throw new InvalidOperationException($"The demo targets contradict each other: more {type} koperasi are provincial or KDMP than published.");
            }

            var candidates = rest.Where(s => !typed.Contains(s) && Bucket(s) > after && Bucket(s) <= until).ToList();
            foreach (var s in random.Sample(candidates, need, s => Weight(type, s.RegencyCode)))
            {
                s.Type = type;
                typed.Add(s);
            }
        }

        CooperativeType[] others = [CooperativeType.Konsumen, CooperativeType.SimpanPinjam, CooperativeType.Jasa, CooperativeType.Pemasaran];
        foreach (var s in rest.Where(s => !typed.Contains(s)))
        {
            var free = others.Where(t => !pinned.TryGetValue(t, out var until) || Bucket(s) > until).ToList();
            if (free.Count == 0)
            {
                throw new InvalidOperationException("The demo targets fix the count of every type on a day: some koperasi has no type left.");
            }

            s.Type = random.Weighted([.. free.Select(t => (Weight(t, s.RegencyCode), t))]);
        }
    }

    private static double Weight(CooperativeType type, string regencyCode) => (type, Cities.Contains(regencyCode)) switch
    {
        (CooperativeType.Produsen, true) => 0.35,
        (CooperativeType.Produsen, false) => 1.0,
        (CooperativeType.Konsumen, true) => 0.70,
        (CooperativeType.Konsumen, false) => 0.72,
        (CooperativeType.SimpanPinjam, true) => 0.12,
        (CooperativeType.SimpanPinjam, false) => 0.07,
        (CooperativeType.Jasa, true) => 0.13,
        (CooperativeType.Jasa, false) => 0.09,
        (CooperativeType.Pemasaran, true) => 0.05,
        _ => 0.12,
    };

    private static double CapitalWeight(string regencyCode) => regencyCode switch { "1571" => 6, "1505" => 2, _ => 1 };

    private static List<Slot> Where(IEnumerable<Slot> slots, ActivityStatus status) => [.. slots.Where(s => s.Status == status)];

    internal sealed class Slot(string regencyCode, ActivityStatus status)
    {
        public string RegencyCode { get; } = regencyCode;
        public ActivityStatus Status { get; } = status;
        public SupervisionLevel Level { get; set; } = SupervisionLevel.KabupatenKota;
        public CooperativeType Type { get; set; }
        public CooperativeForm Form { get; set; }
        public bool MerahPutih { get; set; }
        public string? DesaCode { get; set; }
        public DemoPath? Path { get; set; }
    }
}
