using Koperasi.Registry.Cooperatives;

namespace Koperasi.Registry.Activity;

/// <summary>
/// DOMAIN rule: a koperasi is tidak aktif when it has held no RAT for N consecutive financial
/// years (N = <see cref="ActivityPolicy.YearsWithoutRat"/>), otherwise aktif. The years owed
/// start with the first full financial year after it became a legal entity, and a year counts
/// as missed once its RAT deadline has passed. A RAT counts from the day it was held.
/// </summary>
public static class ActivityRule
{
    /// <summary>Activity on <paramref name="day"/> given the RATs held so far.</summary>
    public static ActivityStatus StatusOn(DateOnly day, DateOnly legalEntitySince, IEnumerable<RatRecord> rats, ActivityPolicy policy)
    {
        var baseline = BaselineYear(day, legalEntitySince, rats);
        return policy.LatestDueYear(day) - baseline >= policy.YearsWithoutRat ? ActivityStatus.TidakAktif : ActivityStatus.Aktif;
    }

    /// <summary>
    /// The last year that needs no RAT to be missed: the latest financial year with a RAT held by
    /// <paramref name="day"/>, or the year the koperasi became a legal entity.
    /// </summary>
    public static int BaselineYear(DateOnly day, DateOnly legalEntitySince, IEnumerable<RatRecord> rats) =>
        rats.Where(r => r.HeldOn <= day).Select(r => r.FinancialYear).Append(legalEntitySince.Year).Max();

    /// <summary>
    /// The activity history from the day the koperasi became a legal entity until
    /// <paramref name="until"/>: it starts aktif, then changes only on a deadline or a RAT.
    /// </summary>
    public static IReadOnlyList<ActivityPeriod> History(DateOnly legalEntitySince, IReadOnlyCollection<RatRecord> rats, DateOnly until, ActivityPolicy policy)
    {
        var changePoints = rats.Select(r => r.HeldOn)
            .Concat(Enumerable.Range(legalEntitySince.Year - 1, Math.Max(0, until.Year - legalEntitySince.Year + 2)).Select(policy.DeadlineOf))
            .Where(day => day > legalEntitySince && day <= until)
            .Distinct()
            .Order();

        var periods = new List<ActivityPeriod> { new(legalEntitySince, ActivityStatus.Aktif) };
        foreach (var day in changePoints)
        {
            var status = StatusOn(day, legalEntitySince, rats, policy);
            if (status != periods[^1].Status)
            {
                periods.Add(new ActivityPeriod(day, status));
            }
        }

        return periods;
    }

    /// <summary>
    /// The first financial-year baseline that makes an aktif koperasi tidak aktif by the passing
    /// of time alone on <paramref name="day"/>: those with a baseline at or below it are due.
    /// </summary>
    public static int InactiveBaselineThreshold(DateOnly day, ActivityPolicy policy) =>
        policy.LatestDueYear(day) - policy.YearsWithoutRat;
}
