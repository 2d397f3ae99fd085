using Koperasi.Registry.Activity;
using Koperasi.Registry.Cooperatives;

namespace Koperasi.Registry.Demo;

/// <summary>
/// RAT histories that make the activity rule (with its default policy) give each koperasi the
/// status of its slot on the target date and on every day until mid-2028:
/// an aktif koperasi held the RAT of the year last due before the target date (before that
/// date) and mostly the next one within its deadline; a tidak aktif one held its last RAT for a
/// year at least the rule's number of years before the last due year, and none since.
/// Earlier years have gaps, late RATs and, for some, a dormant spell followed by revival.
/// A koperasi with a <see cref="DemoPath"/> also has the activity of its path on each earlier day.
/// </summary>
internal sealed class DemoRatHistory(DateOnly asOf, IReadOnlyList<DateOnly> earlier, Random random)
{
    private const int Attempts = 200;

    private static readonly ActivityPolicy Rule = new();

    /// <summary>The financial year whose RAT was last due on the target date (2024 for 29 August 2025).</summary>
    private readonly int _dueYear = Rule.LatestDueYear(asOf);

    /// <summary>A koperasi whose last RAT was for this year or earlier is tidak aktif on the target date.</summary>
    public int LastYearOfInactive => _dueYear - Rule.YearsWithoutRat;

    public sealed record Profile(CooperativeType Type, int Founders, int MembersAtEnd, decimal AssetsPerMember);

    /// <summary>
    /// The RAT history of the slot: drawn for its path (redrawn until the activity rule gives the
    /// path's activity on every earlier day, on the target date and, unchanged, until mid-2028), or,
    /// without a path, for its activity on the target date.
    /// </summary>
    public IReadOnlyList<ReportRat.Request> Of(DemoSlot slot, DateOnly decreeDate, Profile profile)
    {
        if (slot.Path is not { } path)
        {
            return slot.Status == ActivityStatus.Aktif ? Aktif(decreeDate, profile) : TidakAktif(decreeDate, profile);
        }

        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var held = Years(slot.Status, path, decreeDate);
            if (Follows(slot.Status, path, decreeDate, held))
            {
                var years = held.Select(h => h.Year).ToList();
                return years.Count == 0 ? [] : [.. held.Select(h => Rat(h.Year, years[0], years[^1], profile, h.HeldOn))];
            }
        }

        throw new InvalidOperationException($"No RAT history found for a koperasi of {decreeDate:yyyy-MM-dd} on the path {string.Join(", ", path.Earlier)}, {slot.Status}.");
    }

    /// <summary>
    /// Years with RAT for the path, by the activity on the earlier days: an early run of RATs, then,
    /// where the path says so, silence and a revival; an aktif koperasi ends with the RATs of the year
    /// last due and mostly the next.
    /// </summary>
    private List<(int Year, DateOnly HeldOn)> Years(ActivityStatus today, DemoPath path, DateOnly decreeDate)
    {
        var firstYear = FirstYear(decreeDate);
        if (path.Earlier.All(s => s is null) || (path.Earlier[0] == ActivityStatus.Aktif && path.Earlier[^1] == ActivityStatus.Aktif && today == ActivityStatus.Aktif))
        {
            return [.. Aktif(decreeDate, null).Select(r => (r.FinancialYear, r.HeldOn))];
        }

        var quietFirst = ActivityRule.InactiveBaselineThreshold(earlier[0], Rule);
        var quietSecond = ActivityRule.InactiveBaselineThreshold(earlier[^1], Rule);
        var dueSecond = Rule.LatestDueYear(earlier[^1]);
        var (atFirst, atSecond) = (path.Earlier[0], path.Earlier[^1]);

        // The early run: up to the year the first earlier day needs (tidak aktif then: at most its last quiet year).
        var earlyLast = (atFirst, atSecond, today) switch
        {
            (ActivityStatus.TidakAktif, _, _) => firstYear + (int)Math.Round((quietFirst - firstYear) * Math.Pow(random.NextDouble(), 0.6)),
            (_, ActivityStatus.TidakAktif, _) => quietSecond,
            _ => random.Between(quietSecond + 1, LastYearOfInactive),
        };
        var neverHeld = atFirst == ActivityStatus.TidakAktif && random.Chance(0.12);
        var held = neverHeld || earlyLast < firstYear
            ? []
            : Enumerable.Range(firstYear, earlyLast - firstYear + 1).Where(y => y == earlyLast || random.Chance(0.85)).Select(y => (y, HeldOn(y))).ToList();

        // Revived between the earlier days: the RAT of the year last due on the second day, held between them.
        if (atFirst == ActivityStatus.TidakAktif && atSecond == ActivityStatus.Aktif)
        {
            held.Add((dueSecond, random.DayBetween(earlier[0].AddDays(1), earlier[^1])));
            if (today == ActivityStatus.Aktif)
            {
                held.AddRange(Enumerable.Range(dueSecond + 1, _dueYear - dueSecond - 1).Where(_ => random.Chance(0.9)).Select(y => (y, HeldOn(y))));
            }
        }

        // Aktif today after a silence: revived with the RATs of the two last years.
        if (today == ActivityStatus.Aktif)
        {
            var from = atSecond == ActivityStatus.TidakAktif ? _dueYear - 1 : _dueYear;
            held.AddRange(Enumerable.Range(from, _dueYear - from + 1).Where(y => held.All(h => h.Item1 != y)).Select(y => (y, HeldOn(y))));
            if (random.Chance(0.9))
            {
                held.Add((_dueYear + 1, HeldOn(_dueYear + 1)));
            }
        }

        return [.. held.OrderBy(h => h.Item1)];
    }

    /// <summary>Whether the activity rule gives the path's activity on each earlier day it was registered by, today's on the target date, and no change until mid-2028.</summary>
    private bool Follows(ActivityStatus today, DemoPath path, DateOnly decreeDate, List<(int Year, DateOnly HeldOn)> held)
    {
        if (held.Any(h => h.Year < decreeDate.Year || h.HeldOn < new DateOnly(h.Year + 1, 1, 1)))
        {
            return false;
        }

        var rats = held.Select(h => new RatRecord(h.Year, h.HeldOn, 1, 1, RatMode.InPerson, false, null, null, null)).ToList();
        for (var i = 0; i < earlier.Count; i++)
        {
            if (path.Earlier[i] is { } status && ActivityRule.StatusOn(earlier[i], decreeDate, rats, Rule) != status)
            {
                return false;
            }
        }

        return ActivityRule.StatusOn(asOf, decreeDate, rats, Rule) == today
            && ActivityRule.History(decreeDate, rats, new DateOnly(asOf.Year + 3, 6, 30), Rule)[^1].From <= asOf;
    }

    public IReadOnlyList<ReportRat.Request> Aktif(DateOnly decreeDate, Profile? profile)
    {
        var firstYear = FirstYear(decreeDate);
        var lastYear = random.Chance(0.9) ? _dueYear + 1 : _dueYear;
        var (dormantFrom, dormantUntil) = firstYear <= 2010 && random.Chance(0.3)
            ? Dormancy(firstYear)
            : (0, 0);
        var years = Enumerable.Range(firstYear, Math.Max(0, lastYear - firstYear + 1))
            .Where(y => y >= _dueYear || (!(y >= dormantFrom && y < dormantUntil) && random.Chance(y < 2000 ? 0.8 : 0.9)))
            .ToList();
        // Without a profile, only the years and days count (a path's draw): no figures are drawn.
        return profile is null
            ? [.. years.Select(y => new ReportRat.Request(y, HeldOn(y), 1, 1, RatMode.InPerson))]
            : [.. years.Select(y => Rat(y, firstYear, years[^1], profile))];
    }

    public IReadOnlyList<ReportRat.Request> TidakAktif(DateOnly decreeDate, Profile profile)
    {
        var firstYear = FirstYear(decreeDate);
        var neverHeld = random.Chance(0.12) || (firstYear >= LastYearOfInactive - 1 && random.Chance(0.5));
        if (neverHeld || firstYear > LastYearOfInactive)
        {
            return [];
        }

        // Skewed to later years: most stopped in the last two decades.
        var lastYear = firstYear + (int)Math.Round((LastYearOfInactive - firstYear) * Math.Pow(random.NextDouble(), 0.6));
        var years = Enumerable.Range(firstYear, lastYear - firstYear + 1)
            .Where(y => y == lastYear || random.Chance(0.8))
            .ToList();
        return [.. years.Select(y => Rat(y, firstYear, lastYear, profile))];
    }

    private int FirstYear(DateOnly decreeDate) =>
        decreeDate.Month <= 6 && random.Chance(0.4) ? decreeDate.Year : decreeDate.Year + 1;

    /// <summary>Some old koperasi fell silent for years and were revived; all of that well before the target date.</summary>
    private (int From, int Until) Dormancy(int firstYear)
    {
        var from = random.Between(firstYear + 1, 2014);
        return (from, Math.Min(from + random.Between(4, 8), _dueYear - 4));
    }

    private ReportRat.Request Rat(int year, int firstYear, int lastYear, Profile profile, DateOnly? heldOn = null) =>
        Rat(year, firstYear, lastYear, profile, heldOn ?? HeldOn(year));

    private ReportRat.Request Rat(int year, int firstYear, int lastYear, Profile profile, DateOnly heldOn)
    {
        var progress = lastYear == firstYear ? 1 : (double)(year - firstYear) / (lastYear - firstYear);
        var total = Math.Max(1, (int)Math.Round((profile.Founders + ((profile.MembersAtEnd - profile.Founders) * progress)) * random.Between(0.95, 1.05)));
        var online = heldOn.Year >= 2020 && random.Chance(heldOn.Year <= 2021 ? 0.35 : 0.12);
        var present = (int)Math.Round(total * (online ? random.Between(0.4, 0.8) : random.Between(0.5, 0.93)));
        var withFigures = random.Chance(year >= 2015 ? 0.7 : year >= 2005 ? 0.45 : 0.2);
        if (!withFigures)
        {
            return new ReportRat.Request(year, heldOn, present, total, online ? RatMode.Online : RatMode.InPerson);
        }

        // Rupiah of the year: about 6.5% a year of inflation behind today's prices.
        var priceLevel = (decimal)Math.Pow(1.065, year - _dueYear);
        var assets = Thousands(total * profile.AssetsPerMember * priceLevel * (decimal)random.Between(0.85, 1.15));
        var volume = Thousands(assets * (decimal)random.Between(profile.Type == CooperativeType.SimpanPinjam ? 0.7 : 0.3, profile.Type == CooperativeType.SimpanPinjam ? 1.4 : 2.2));
        var surplus = Thousands(volume * (decimal)random.Between(-0.01, 0.07));
        return new ReportRat.Request(year, heldOn, present, total, online ? RatMode.Online : RatMode.InPerson, assets, volume, surplus);
    }

    /// <summary>
    /// Mostly within the deadline; some late. The RAT of the year last due is held before the
    /// target date, that of the next year before today (the demo is loaded from late 2026 on).
    /// </summary>
    private DateOnly HeldOn(int year)
    {
        var opens = new DateOnly(year + 1, 1, 10);
        var deadline = Rule.DeadlineOf(year);
        if (year == _dueYear)
        {
            return random.Chance(0.9) ? random.DayBetween(opens, deadline.AddDays(-1)) : random.DayBetween(deadline, asOf.AddDays(-1));
        }

        if (year > _dueYear)
        {
            return random.Chance(0.95) ? random.DayBetween(opens, deadline.AddDays(-1)) : random.DayBetween(deadline, new DateOnly(year + 1, 10, 31));
        }

        return random.Between(0, 99) switch
        {
            < 88 => random.DayBetween(opens, deadline.AddDays(-1)),
            < 98 => random.DayBetween(deadline, new DateOnly(year + 1, 12, 20)),
            _ => random.DayBetween(new DateOnly(year + 2, 1, 10), new DateOnly(year + 2, 6, 30)),
        };
    }

    private static decimal Thousands(decimal rupiah) => Math.Round(rupiah / 1000m) * 1000m;
}
