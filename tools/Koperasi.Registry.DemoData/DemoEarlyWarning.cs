using Koperasi.Registry.Activity;
using Koperasi.Registry.Cooperatives;

namespace Koperasi.Registry.Demo;

/// <summary>
/// Koperasi for the early warning (issue 12): a few aktif koperasi of each regency whose last RAT is
/// that of the year before the one last due on the targets' date (2023 for 29 August 2025), none
/// since. The activity rule keeps them aktif on the targets' date and every day before (nothing
/// earlier changes) and until the deadline of the year after the targets' next (1 July 2027), when
/// they become tidak aktif unless they hold a RAT: between those days they are the early-warning list.
/// Only their RATs held after the targets' date's due year are left out; their registration (member
/// count included) is as drawn, and none holds a NIK koperasi, is a KDMP or a flagship candidate,
/// so no published figure moves. A choice of the demo, not a published figure.
/// </summary>
internal static class DemoEarlyWarning
{
    /// <summary>One in this many eligible aktif koperasi of a regency (at least one per regency).</summary>
    private const int Every = 20;

    private static readonly ActivityPolicy Rule = new();

    /// <summary>The financial year of the last RAT the koperasi at risk held (2023 for 29 August 2025).</summary>
    public static int LastRatYear(DateOnly asOf) => Rule.LatestDueYear(asOf) - 1;

    public static IReadOnlyList<DemoCooperative> WithKoperasiAtRisk(IReadOnlyList<DemoCooperative> set, IReadOnlyList<DemoSlot> slots, DemoTargets targets)
    {
        var lastYear = LastRatYear(targets.AsOf);
        var atRisk = Enumerable.Range(0, set.Count)
            .Where(i => slots[i].Status == ActivityStatus.Aktif && slots[i].DesaCode is null && !slots[i].MerahPutih
                && set[i].Request.NikKoperasi is null && set[i].Kdmp is null && !set[i].FlagshipCandidate
                && set[i].Request.RatHistory is { } rats && rats.Any(r => r.FinancialYear == lastYear) && rats.Any(r => r.FinancialYear > lastYear))
            .GroupBy(i => slots[i].RegencyCode)
            .SelectMany(regency => regency.Where((_, n) => n % Every == Every / 2 || (regency.Count() <= Every / 2 && n == 0)))
            .ToHashSet();
        return
        [
            .. set.Select((c, i) => atRisk.Contains(i)
                ? c with { Request = c.Request with { RatHistory = [.. c.Request.RatHistory!.Where(r => r.FinancialYear <= lastYear)] } }
                : c),
        ];
    }
}
