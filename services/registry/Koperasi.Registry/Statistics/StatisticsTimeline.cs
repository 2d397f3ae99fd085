using Koperasi.Registry.Cooperatives;

namespace Koperasi.Registry.Statistics;

/// <summary>The dimensions a koperasi is counted under.</summary>
public sealed record StatisticsCell(string RegencyCode, ActivityStatus Activity, CooperativeType Type, CooperativeForm Form, SupervisionLevel SupervisionLevel);

/// <summary>How a koperasi is classified from a day on (regency, type, form, supervision).</summary>
public sealed record ClassificationPeriod(DateOnly From, string RegencyCode, CooperativeType Type, CooperativeForm Form, SupervisionLevel SupervisionLevel);

/// <summary>A change of a count on a day: the statistics on any date are the sum of changes up to it.</summary>
public sealed record StatisticsDelta(DateOnly Day, StatisticsCell Cell, int Change);

/// <summary>
/// When a koperasi counted under which cell, on the business dates the events carry (the decree
/// date, the day activity changed, the effective date of an amendment or a dissolution), not on
/// the day they were recorded: a register imported today still shows how things stood in 2022.
/// Each event yields the difference between the timeline before and after it, as dated deltas.
/// A dissolved koperasi counts until the day before its dissolution took effect (<c>EndsOn</c>).
/// </summary>
public sealed record StatisticsTimeline(Guid Id, IReadOnlyList<ClassificationPeriod> Classification, IReadOnlyList<ActivityPeriod> Activity, DateOnly? EndsOn = null)
{
    public static StatisticsTimeline Empty(Guid id) => new(id, [], []);

    public StatisticsTimeline Apply(object @event) => @event switch
    {
        RegistrationRecorded r => this with
        {
            Classification = [new ClassificationPeriod(r.LegalEntity.DecreeDate, r.Profile.Address.RegencyCode, r.Profile.Type, r.Profile.Form, r.Profile.SupervisionLevel)],
            Activity = [new ActivityPeriod(r.LegalEntity.DecreeDate, ActivityStatus.Aktif)],
        },
        ActivityChanged c => this with { Activity = [.. Activity.Where(p => p.From < c.EffectiveOn), new ActivityPeriod(c.EffectiveOn, c.To)] },
        ActivityHistoryRevised r => this with { Activity = r.Periods },
        ArticlesAmended a when Classification.Count > 0 => this with { Classification = [.. Classification.Where(c => c.From < a.EffectiveOn), Reclassified(a)] },
        DissolutionRecorded d => this with { EndsOn = d.EffectiveOn },
        _ => this,
    };

    /// <summary>An amendment of regency, type or form moves the koperasi to another cell from its effective date.</summary>
    private ClassificationPeriod Reclassified(ArticlesAmended a)
    {
        var before = Classification.LastOrDefault(c => c.From <= a.EffectiveOn) ?? Classification[0];
        return new ClassificationPeriod(
            a.EffectiveOn, a.Changes.Domicile?.RegencyCode ?? before.RegencyCode, a.Changes.Type ?? before.Type, a.Changes.Form ?? before.Form, before.SupervisionLevel);
    }

    /// <summary>The cell counted from each day on, until it ended; consecutive equal cells merged.</summary>
    public IReadOnlyList<(DateOnly From, StatisticsCell Cell)> Segments()
    {
        var segments = new List<(DateOnly From, StatisticsCell Cell)>();
        var days = Classification.Select(c => c.From).Concat(Activity.Select(a => a.From)).Where(day => EndsOn is not { } end || day < end).Distinct().Order();
        foreach (var day in days)
        {
            var classification = Classification.LastOrDefault(c => c.From <= day);
            var activity = Activity.LastOrDefault(a => a.From <= day);
            if (classification is null || activity is null)
            {
                continue;
            }

            var cell = new StatisticsCell(classification.RegencyCode, activity.Status, classification.Type, classification.Form, classification.SupervisionLevel);
            if (segments.Count == 0 || segments[^1].Cell != cell)
            {
                segments.Add((day, cell));
            }
        }

        return segments;
    }

    /// <summary>The deltas that turn the counts of <paramref name="before"/> into those of <paramref name="after"/>.</summary>
    public static IEnumerable<StatisticsDelta> Diff(StatisticsTimeline before, StatisticsTimeline after)
    {
        var sums = new Dictionary<(DateOnly, StatisticsCell), int>();
        foreach (var (day, cell, change) in after.Deltas().Concat(before.Deltas().Select(d => d with { Change = -d.Change })))
        {
            sums[(day, cell)] = sums.GetValueOrDefault((day, cell)) + change;
        }

        return sums.Where(s => s.Value != 0).Select(s => new StatisticsDelta(s.Key.Item1, s.Key.Item2, s.Value));
    }

    private IEnumerable<StatisticsDelta> Deltas()
    {
        var segments = Segments();
        for (var i = 0; i < segments.Count; i++)
        {
            yield return new StatisticsDelta(segments[i].From, segments[i].Cell, +1);
            if (i + 1 < segments.Count)
            {
                yield return new StatisticsDelta(segments[i + 1].From, segments[i].Cell, -1);
            }
            else if (EndsOn is { } end)
            {
                yield return new StatisticsDelta(end, segments[i].Cell, -1);
            }
        }
    }
}
