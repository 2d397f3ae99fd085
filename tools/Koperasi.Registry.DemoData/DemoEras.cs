using Koperasi.Registry.Activity;
using Koperasi.Registry.Cooperatives;

namespace Koperasi.Registry.Demo;

/// <summary>
/// When a demo koperasi became a legal entity (its decree falls between <see cref="DecreeFrom"/> and
/// <see cref="DecreeTo"/>) and its activity on each earlier published day (<see cref="DemoTargets.Earlier"/>,
/// in order; null where it was not registered yet). Its RAT history is drawn to give exactly these.
/// </summary>
internal sealed record DemoPath(DateOnly DecreeFrom, DateOnly DecreeTo, IReadOnlyList<ActivityStatus?> Earlier);

/// <summary>
/// Deals out the earlier published figures (ADR 0020): which koperasi of today's register were
/// registered by each earlier day, and which were aktif then, so that the activity rule gives the
/// published aktif and tidak aktif of those days. The register of the targets' date holds more KDMP
/// than koperasi registered since the second day, so some KDMP are older koperasi that joined the
/// programme (revitalised or developed, as the programme allows), many of them dormant before.
/// </summary>
internal static class DemoEras
{
    // Choices of the demo, not published figures: the share of today's aktif koperasi (KDMP apart)
    // registered since the second day, and the few koperasi whose activity went back and forth.
    private const double NewSinceSecondDay = 0.1;
    private const double RevivedBetweenAndStoppedAgain = 0.002;
    private const double StoppedAfterSecondDay = 0.17;
    private const double RevivedBetweenTheDays = 0.002;
    private const double StoppedAtSecondDayAndRevivedSince = 0.0015;
    private const double OldKdmpAmongRevived = 3;

    private static readonly ActivityPolicy Rule = new();

    private static readonly ActivityStatus A = ActivityStatus.Aktif;
    private static readonly ActivityStatus T = ActivityStatus.TidakAktif;

    public static void Assign(IReadOnlyList<DemoPlan.Slot> slots, DemoTargets targets, Random random)
    {
        if (targets.Earlier.Count == 0)
        {
            return;
        }

        if (targets.Earlier.Count != 2 || targets.Earlier[0].AsOf >= targets.Earlier[1].AsOf || targets.Earlier[1].AsOf >= targets.AsOf)
        {
            throw new InvalidOperationException("The demo deals out two earlier figures, in order, before the targets' date.");
        }

        var (first, second) = (targets.Earlier[0], targets.Earlier[1]);
        var aktif = slots.Where(s => s.Status == A).ToList();
        var tidakAktif = slots.Where(s => s.Status == T).ToList();
        var kdmp = aktif.Where(s => s.MerahPutih).ToList();
        var nonKdmp = aktif.Where(s => !s.MerahPutih).ToList();

        var betweenTheDays = second.Total - first.Total;
        var newSince = Math.Max((int)Math.Round(NewSinceSecondDay * nonKdmp.Count), slots.Count - kdmp.Count - second.Total);
        var oldKdmp = second.Total - (slots.Count - kdmp.Count - newSince);
        var provincialKdmp = kdmp.Count(s => s.Level == SupervisionLevel.Provinsi);
        Check(betweenTheDays >= 0 && oldKdmp >= 0 && oldKdmp <= kdmp.Count - provincialKdmp && newSince + betweenTheDays <= nonKdmp.Count, "the registrations of the earlier days");

        // Since the second day: the new KDMP (the provincial one among them) and some others, all aktif today.
        var oldKdmpSlots = random.Sample([.. kdmp.Where(s => s.Level != SupervisionLevel.Provinsi)], oldKdmp, _ => 1).ToHashSet();
        var since = kdmp.Where(s => !oldKdmpSlots.Contains(s)).Concat(random.Sample(nonKdmp, newSince, _ => 1)).ToHashSet();
        var between = random.Sample([.. nonKdmp.Where(s => !since.Contains(s))], betweenTheDays, _ => 1).ToHashSet();
        foreach (var s in since)
        {
            s.Path = new DemoPath(second.AsOf.AddDays(1), targets.AsOf, [null, null]);
        }

        foreach (var s in between)
        {
            s.Path = new DemoPath(first.AsOf.AddDays(1), second.AsOf, [null, A]);
        }

        // Registered by the first day: how many went from aktif to tidak aktif and back between the days.
        var tidakAktifToday = tidakAktif.Count;
        var tat = (int)Math.Round(tidakAktifToday * RevivedBetweenAndStoppedAgain);
        var aat = (int)Math.Round(tidakAktifToday * StoppedAfterSecondDay);
        var taa = (int)Math.Round(aktif.Count * RevivedBetweenTheDays);
        var ata = (int)Math.Round(aktif.Count * StoppedAtSecondDayAndRevivedSince);
        var att = second.TidakAktif - first.TidakAktif + tat + taa - ata;
        var tta = first.TidakAktif - tidakAktifToday + att + aat - taa;
        var ttt = tidakAktifToday - att - tat - aat;
        var aktifThen = aktif.Where(s => s.Path is null).ToList();
        var aaa = aktifThen.Count - tta - taa - ata;
        Check(att >= 0 && tta >= 0 && ttt >= 0 && aaa >= 0, "the aktif and tidak aktif of the earlier days");

        var beforeFirst = first.AsOf;
        DateOnly YearEnd(int year) => new(year, 12, 31);
        DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
        var quietSinceFirst = YearEnd(ActivityRule.InactiveBaselineThreshold(first.AsOf, Rule));
        var quietSinceSecond = YearEnd(ActivityRule.InactiveBaselineThreshold(second.AsOf, Rule));
        var quietToday = YearEnd(ActivityRule.InactiveBaselineThreshold(targets.AsOf, Rule));

        void Deal(List<DemoPlan.Slot> from, int count, ActivityStatus atFirst, ActivityStatus atSecond, Func<DemoPlan.Slot, double> weight)
        {
            var today = from.Count > 0 ? from[0].Status : A;
            var to = atFirst == T ? quietSinceFirst : atSecond == T ? quietSinceSecond : today == T ? quietToday : beforeFirst;
            foreach (var s in random.Sample(from, count, weight))
            {
                s.Path = new DemoPath(DateOnly.MinValue, Min(to, beforeFirst), [atFirst, atSecond]);
                from.Remove(s);
            }
        }

        Deal(tidakAktif, tat, T, A, _ => 1);
        Deal(tidakAktif, aat, A, A, _ => 1);
        Deal(tidakAktif, att, A, T, _ => 1);
        Deal(tidakAktif, ttt, T, T, _ => 1);

        // Koperasi revived after years without RAT: most of them joined the KDMP programme.
        Deal(aktifThen, tta, T, T, s => s.MerahPutih ? OldKdmpAmongRevived : 1);
        Deal(aktifThen, taa, T, A, s => s.MerahPutih ? 0.01 : 1);
        Deal(aktifThen, ata, A, T, s => s.MerahPutih ? 0.01 : 1);
        Deal(aktifThen, aaa, A, A, _ => 1);
    }

    private static void Check(bool holds, string what)
    {
        if (!holds)
        {
            throw new InvalidOperationException($"The demo targets contradict each other: {what} cannot be dealt out.");
        }
    }
}
