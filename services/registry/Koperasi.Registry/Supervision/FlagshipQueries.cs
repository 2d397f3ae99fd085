using Koperasi.ServiceDefaults.Regions;

namespace Koperasi.Registry.Supervision;

/// <summary>Pure queries over the flagship designations of all koperasi.</summary>
public static class FlagshipQueries
{
    /// <summary>The regencies (BPS codes) that had a flagship on <paramref name="day"/>: a designation held, unflagged, by an existing koperasi.</summary>
    public static IReadOnlySet<string> RegenciesWithFlagship(IEnumerable<CooperativeSupervision> koperasi, DateOnly day) =>
        koperasi.Where(k => k.ExistsOn(day))
            .SelectMany(k => k.Designations.Where(d => d.HoldsOn(day)).Select(d => d.RegencyCode))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>The regencies of Jambi without a flagship on <paramref name="day"/>, in code order.</summary>
    public static IReadOnlyList<Regency> RegenciesWithoutFlagship(IEnumerable<CooperativeSupervision> koperasi, DateOnly day)
    {
        var with = RegenciesWithFlagship(koperasi, day);
        return [.. Regencies.All.Where(r => !with.Contains(r.Code))];
    }

    /// <summary>The designations flagged by <paramref name="day"/> and not yet ended: the Dinas's to review.</summary>
    public static IReadOnlyList<(Guid CooperativeId, FlagshipDesignation Designation)> Flagged(IEnumerable<CooperativeSupervision> koperasi, DateOnly day) =>
    [
        .. koperasi.SelectMany(k => k.Designations
            .Where(d => d.Flag is { } flag && flag.On <= day && d.CoversOn(day))
            .Select(d => (k.CooperativeId, d))),
    ];
}
