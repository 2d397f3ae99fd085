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
    int Produsen)
{
    public sealed record RegencyTarget(string Code, int Aktif, int TidakAktif);

    public sealed record TypeCount(CooperativeType Type, int Count);

    /// <summary>Koperasi under provincial supervision; the Koperasi Desa Merah Putih is counted apart from the types.</summary>
    public sealed record ProvincialTarget(int Aktif, int TidakAktif, IReadOnlyList<TypeCount> Types, int KoperasiDesaMerahPutih);

    public int Total => Regencies.Sum(r => r.Aktif + r.TidakAktif);

    public static DemoTargets Load() => Embedded.Read<DemoTargets>("demo-targets.json");
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
