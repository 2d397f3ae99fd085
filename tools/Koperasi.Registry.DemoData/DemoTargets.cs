using System.Text.Json;
using Koperasi.Registry.Cooperatives;
using Koperasi.ServiceDefaults.Http;

namespace Koperasi.Registry.Demo;

/// <summary>
/// What the demo data set reproduces: the published figures, copied into the embedded
/// <c>demo-targets.json</c> so that no figure is written in code.
/// </summary>
public sealed record DemoTargets(
    string Source,
    DateOnly AsOf,
    IReadOnlyList<DemoTargets.RegencyTarget> Regencies,
    int NikKoperasi,
    DemoTargets.ProvincialTarget Provincial,
    int Produsen,
    DemoTargets.KdmpTarget Kdmp)
{
    /// <summary>
    /// The Koperasi Desa/Kelurahan Merah Putih formed by <see cref="FormedBy"/>: each the KDMP of its
    /// own desa, aktif, inside the totals above (the provincial one among them).
    /// </summary>
    public sealed record KdmpTarget(string Source, DateOnly FormedBy, int Count);

    public sealed record RegencyTarget(string Code, int Aktif, int TidakAktif);

    /// <summary>
    /// A figure published for an earlier day: the koperasi registered (and not dissolved) on
    /// <see cref="AsOf"/>, given as aktif and tidak aktif or as registered and tidak aktif, with,
    /// where published, their members and the counts of some types (all registered koperasi of the
    /// type on that day, aktif or not).
    /// </summary>
    public sealed record Snapshot(string Source, DateOnly AsOf, int? Registered, int? Aktif, int TidakAktif, long? Members, IReadOnlyList<TypeCount> Types)
    {
        public int Total => Registered ?? ((Aktif ?? throw new InvalidOperationException($"The snapshot of {AsOf:yyyy-MM-dd} gives neither registered nor aktif.")) + TidakAktif);

        public int AktifCount => Total - TidakAktif;
    }

    public sealed record TypeCount(CooperativeType Type, int Count);

    /// <summary>Koperasi under provincial supervision; the Koperasi Desa Merah Putih is counted apart from the types.</summary>
    public sealed record ProvincialTarget(int Aktif, int TidakAktif, IReadOnlyList<TypeCount> Types, int KoperasiDesaMerahPutih);

    /// <summary>The figures published for earlier days, oldest first: none, or two (the generator deals them out as <see cref="DemoEras"/> says).</summary>
    public IReadOnlyList<Snapshot> Earlier { get; init; } = [];

    public int Total => Regencies.Sum(r => r.Aktif + r.TidakAktif);

    public static DemoTargets Load() => Embedded.Read<DemoTargets>("demo-targets.json");

    /// <summary>
    /// The same figures at about one <paramref name="divisor"/>th (tests that need the rules of the
    /// set, not its size): each regency's aktif and tidak aktif, the provincial ones, the Koperasi
    /// Desa Merah Putih, the KDMP, the NIK koperasi, the produsen and the earlier figures divided and rounded up, so no regency and
    /// no kind is left out; the provincial types apportioned by their shares (largest remainder), so
    /// they still add up. The same generator deals them out exactly.
    /// </summary>
    public DemoTargets Scaled(int divisor)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(divisor, 1);
        if (divisor == 1)
        {
            return this;
        }

        int Part(int count) => (count + divisor - 1) / divisor;
        var provincial = new ProvincialTarget(Part(Provincial.Aktif), Part(Provincial.TidakAktif), [], Part(Provincial.KoperasiDesaMerahPutih));
        var typed = provincial.Aktif + provincial.TidakAktif - provincial.KoperasiDesaMerahPutih;
        var all = Provincial.Types.Sum(t => t.Count);
        var types = Provincial.Types
            .Select((t, index) => (t.Type, Index: index, Floor: t.Count * typed / all, Remainder: t.Count * typed % all))
            .ToList();
        var left = typed - types.Sum(t => t.Floor);
        var extra = types.OrderByDescending(t => t.Remainder).ThenBy(t => t.Index).Take(left).Select(t => t.Index).ToHashSet();
        return this with
        {
            Source = $"{Source} (scaled down by {divisor})",
            Regencies = [.. Regencies.Select(r => r with { Aktif = Part(r.Aktif), TidakAktif = Part(r.TidakAktif) })],
            NikKoperasi = Part(NikKoperasi),
            Provincial = provincial with { Types = [.. types.Select(t => new TypeCount(t.Type, t.Floor + (extra.Contains(t.Index) ? 1 : 0)))] },
            Produsen = Part(Produsen),
            Kdmp = Kdmp with { Count = Part(Kdmp.Count) },
            Earlier = [.. Earlier.Select(e => e with
            {
                Registered = e.Registered is { } registered ? Part(registered) : null,
                Aktif = e.Aktif is { } aktif ? Part(aktif) : null,
                TidakAktif = Part(e.TidakAktif),
                Members = e.Members is { } members ? (members + divisor - 1) / divisor : null,
                Types = [.. e.Types.Select(t => t with { Count = Part(t.Count) })],
            })],
        };
    }
}

/// <summary>A regency's kecamatan and produce, for plausible addresses and business fields (embedded <c>places.json</c>).</summary>
public sealed record DemoPlace(string PostalPrefix, IReadOnlyList<string> Products, IReadOnlyList<string> Production, IReadOnlyList<string> Kecamatan)
{
    public static IReadOnlyDictionary<string, DemoPlace> Load() => Embedded.Read<Dictionary<string, DemoPlace>>("places.json");
}

internal static class Embedded
{
    public static T Read<T>(string name)
    {
        using var stream = typeof(Embedded).Assembly.GetManifestResourceStream($"demo/{name}")
            ?? throw new InvalidOperationException($"The embedded demo/{name} is missing.");
        return JsonSerializer.Deserialize<T>(stream, KoperasiJson.Options)
            ?? throw new InvalidOperationException($"The embedded demo/{name} is empty.");
    }
}
