using System.Diagnostics.Metrics;

namespace Koperasi.ServiceDefaults.Telemetry;

/// <summary>One count of a business gauge and the labels it is reported under.</summary>
public sealed record GaugeCount(long Value, params KeyValuePair<string, object?>[] Labels)
{
    internal string Key => string.Join('\u001f', Labels.Select(l => $"{l.Key}={l.Value}"));
}

/// <summary>
/// A gauge whose counts live in memory: a scrape reads the latest refresh, never the database.
/// A label set that was counted once and is gone at the next refresh reports 0, so a dashboard
/// sees a stage emptied rather than a series that stops.
/// </summary>
internal sealed class BusinessGauge
{
    private readonly Lock _refreshing = new();
    private readonly Dictionary<string, KeyValuePair<string, object?>[]> _seen = [];
    private volatile Measurement<long>[] _latest = [];

    internal BusinessGauge(BusinessGaugeDefinition definition, IMeterFactory meters)
    {
        Definition = definition;
        meters.Create(definition.MeterName).CreateObservableGauge(definition.Name, () => _latest, description: definition.Description);
    }

    internal BusinessGaugeDefinition Definition { get; }

    internal void Replace(IReadOnlyList<GaugeCount> counts)
    {
        lock (_refreshing)
        {
            var current = counts.GroupBy(c => c.Key).ToDictionary(g => g.Key, g => (g.First().Labels, Value: g.Sum(c => c.Value)));
            foreach (var (key, labels) in current.Select(c => (c.Key, c.Value.Labels)))
            {
                _seen[key] = labels;
            }

            _latest = [.. _seen.Select(s => new Measurement<long>(current.TryGetValue(s.Key, out var count) ? count.Value : 0, s.Value))];
        }
    }
}
