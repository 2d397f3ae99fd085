using Koperasi.ServiceDefaults.Regions;

namespace Koperasi.Registry.Supervision;

/// <summary>How many desa of a place had a KDMP, out of all its desa and kelurahan.</summary>
/// <param name="Code">The kecamatan's Kemendagri code, or the regency's BPS code.</param>
/// <param name="Name">The place's name.</param>
/// <param name="DesaWithKdmp">Its desa and kelurahan that had a KDMP.</param>
/// <param name="AllDesa">All its desa and kelurahan.</param>
public sealed record KdmpCoverageRow(string Code, string Name, int DesaWithKdmp, int AllDesa)
{
    public decimal Share => AllDesa == 0 ? 0m : Math.Round((decimal)DesaWithKdmp / AllDesa, 4);
}

/// <summary>Coverage of the Kopdes/Kel Merah Putih programme on a day, from the markings alone.</summary>
public static class KdmpCoverage
{
    /// <summary>The desa codes that had a KDMP on <paramref name="day"/>: marked by then, by a koperasi that still existed.</summary>
    public static IReadOnlySet<string> DesaWithKdmp(IEnumerable<CooperativeSupervision> koperasi, DateOnly day) =>
        koperasi.Where(k => k.Kdmp is { } kdmp && kdmp.MarkedOn <= day && k.ExistsOn(day))
            .Select(k => k.Kdmp!.DesaCode)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>Coverage of every kecamatan, in code order.</summary>
    public static IReadOnlyList<KdmpCoverageRow> PerKecamatan(IEnumerable<CooperativeSupervision> koperasi, DateOnly day)
    {
        var covered = DesaWithKdmp(koperasi, day);
        return [.. Places.AllKecamatan.Select(k => Row(k.Code, k.Name, Places.DesaOf(k.Code), covered))];
    }

    /// <summary>Coverage of every regency, in code order.</summary>
    public static IReadOnlyList<KdmpCoverageRow> PerRegency(IEnumerable<CooperativeSupervision> koperasi, DateOnly day)
    {
        var covered = DesaWithKdmp(koperasi, day);
        return [.. Regencies.All.Select(r => Row(r.Code, r.DisplayName, Places.KecamatanOf(r.Code).SelectMany(k => Places.DesaOf(k.Code)), covered))];
    }

    private static KdmpCoverageRow Row(string code, string name, IEnumerable<Desa> desa, IReadOnlySet<string> covered)
    {
        var all = desa.ToList();
        return new KdmpCoverageRow(code, name, all.Count(d => covered.Contains(d.Code)), all.Count);
    }
}
