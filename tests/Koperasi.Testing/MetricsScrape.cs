using System.Globalization;
using System.Text.RegularExpressions;

namespace Koperasi.Testing;

/// <summary>Reads <c>/metrics</c> as Prometheus does: anonymously, in its text format.</summary>
public static partial class MetricsScrape
{
    /// <summary>One sample: the metric's name, its labels and its value.</summary>
    public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

    /// <summary>Every sample the service exposes now.</summary>
    public static async Task<IReadOnlyList<Sample>> ReadAsync(HttpClient anonymous)
    {
        ArgumentNullException.ThrowIfNull(anonymous);
        using var response = await anonymous.GetAsync(new Uri("/metrics", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        var text = await response.Content.ReadAsStringAsync();
        return [.. text.Split('\n').Select(l => SampleLine().Match(l)).Where(m => m.Success).Select(m => new Sample(
            m.Groups["name"].Value,
            Label().Matches(m.Groups["labels"].Value).ToDictionary(l => l.Groups[1].Value, l => Regex.Unescape(l.Groups[2].Value)),
            double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture)))];
    }

    /// <summary>
    /// The value of <paramref name="name"/> whose labels include <paramref name="labels"/> (the sum if
    /// several match), or null when no sample matches.
    /// </summary>
    public static async Task<double?> ValueAsync(HttpClient anonymous, string name, params (string Name, string Value)[] labels)
    {
        var matching = (await ReadAsync(anonymous))
            .Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Name, out var v) && v == l.Value))
            .ToList();
        return matching.Count == 0 ? null : matching.Sum(s => s.Value);
    }

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>\S+)""")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"([a-zA-Z_][a-zA-Z0-9_]*)=""((?:[^""\\]|\\.)*)""")]
    private static partial Regex Label();
}
