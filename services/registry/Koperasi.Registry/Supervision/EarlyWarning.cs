using Koperasi.Registry.Activity;
using Koperasi.Registry.Cooperatives;

namespace Koperasi.Registry.Supervision;

/// <summary>
/// A koperasi that becomes tidak aktif on <see cref="BecomesTidakAktifOn"/> (the next RAT deadline)
/// unless it holds the RAT of <see cref="DueYear"/> (or a later one) before then.
/// </summary>
public sealed record AtRiskCooperative(
    Guid CooperativeId,
    string Name,
    string RegencyCode,
    DateOnly BecomesTidakAktifOn,
    int DueYear,
    IReadOnlyList<int> YearsMissed,
    int? LastRatYear);

/// <summary>A koperasi that became tidak aktif on <see cref="BecameTidakAktifOn"/>, and the years it had missed then.</summary>
public sealed record BecameInactiveCooperative(
    Guid CooperativeId,
    string Name,
    string RegencyCode,
    DateOnly BecameTidakAktifOn,
    IReadOnlyList<int> YearsMissed);

/// <summary>
/// The early warning: the worklist that keeps the tidak aktif count from growing. Pure functions
/// of the koperasi's recorded RATs, the activity rule and today; narrowing to a regency or to a
/// pembina's koperasi is the caller's filter (<see cref="SupervisionQueries.KoperasiOf"/>).
/// </summary>
public static class EarlyWarning
{
    /// <summary>
    /// The existing koperasi, aktif today, that the rule makes tidak aktif at the next RAT deadline
    /// if no RAT is held before it; soonest first.
    /// </summary>
    public static IReadOnlyList<AtRiskCooperative> AtRisk(IEnumerable<Cooperative> koperasi, DateOnly today, ActivityPolicy policy)
    {
        var dueYear = policy.LatestDueYear(today) + 1;
        var deadline = policy.DeadlineOf(dueYear);
        return
        [
            .. koperasi
                .Where(k => Exists(k, today)
                    && ActivityRule.StatusOn(today, k.LegalEntity.DecreeDate, k.Rats, policy) == ActivityStatus.Aktif
                    && ActivityRule.StatusOn(deadline, k.LegalEntity.DecreeDate, HeldBy(k, today), policy) == ActivityStatus.TidakAktif)
                .Select(k => new AtRiskCooperative(
                    k.Id, k.Name, k.Address.RegencyCode, deadline, dueYear, Missed(k, today, policy), HeldBy(k, today).Select(r => (int?)r.FinancialYear).Max()))
                .OrderBy(k => k.RegencyCode, StringComparer.Ordinal).ThenBy(k => k.Name, StringComparer.Ordinal),
        ];
    }

    /// <summary>The at-risk koperasi of one regency (BPS code).</summary>
    public static IReadOnlyList<AtRiskCooperative> AtRiskInRegency(IEnumerable<Cooperative> koperasi, string regencyCode, DateOnly today, ActivityPolicy policy) =>
        AtRisk(koperasi.Where(k => k.Address.RegencyCode == regencyCode), today, policy);

    /// <summary>
    /// The koperasi whose activity turned tidak aktif between <paramref name="from"/> and
    /// <paramref name="to"/> (both included) by the rule, counting only what happened by
    /// <paramref name="today"/>; a dissolved koperasi owes no RAT after its dissolution.
    /// </summary>
    public static IReadOnlyList<BecameInactiveCooperative> BecameInactive(IEnumerable<Cooperative> koperasi, DateOnly from, DateOnly to, DateOnly today, ActivityPolicy policy)
    {
        var until = to < today ? to : today;
        return
        [
            .. koperasi.SelectMany(k =>
            {
                var last = k.Dissolution is { } d && d.EffectiveOn.AddDays(-1) < until ? d.EffectiveOn.AddDays(-1) : until;
                return ActivityRule.History(k.LegalEntity.DecreeDate, HeldBy(k, today), last, policy)
                    .Skip(1)
                    .Where(p => p.Status == ActivityStatus.TidakAktif && p.From >= from && p.From <= last)
                    .Select(p => new BecameInactiveCooperative(k.Id, k.Name, k.Address.RegencyCode, p.From, Missed(k, p.From, policy)));
            })
            .OrderBy(k => k.BecameTidakAktifOn).ThenBy(k => k.Name, StringComparer.Ordinal),
        ];
    }

    /// <summary>The financial years whose RAT deadline passed by <paramref name="day"/> with no RAT of that year or a later one held.</summary>
    public static IReadOnlyList<int> Missed(Cooperative koperasi, DateOnly day, ActivityPolicy policy)
    {
        var baseline = ActivityRule.BaselineYear(day, koperasi.LegalEntity.DecreeDate, koperasi.Rats);
        var latestDue = policy.LatestDueYear(day);
        return latestDue > baseline ? [.. Enumerable.Range(baseline + 1, latestDue - baseline)] : [];
    }

    private static bool Exists(Cooperative koperasi, DateOnly day) => koperasi.Dissolution is not { } d || day < d.EffectiveOn;

    private static List<RatRecord> HeldBy(Cooperative koperasi, DateOnly day) => [.. koperasi.Rats.Where(r => r.HeldOn <= day)];
}
