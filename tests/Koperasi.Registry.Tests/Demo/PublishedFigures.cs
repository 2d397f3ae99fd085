using System.Globalization;
using System.Text.RegularExpressions;

namespace Koperasi.Registry.Tests.Demo;

/// <summary>
/// The published figures the demo must reproduce, read from the copy of
/// <c>shared/data/published-figures.md</c> in this project (Demo/published-figures.md), not typed
/// into the tests.
/// </summary>
public static partial class PublishedFigures
{
    private static readonly Lazy<string> Text = new(() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Demo", "published-figures.md")));

    /// <summary>The regency codes by name, from the table of 29 August 2025.</summary>
    public static IReadOnlyDictionary<string, string> RegencyCodes() =>
        TableRow().Matches(Text.Value).GroupBy(m => m.Groups["name"].Value.Trim())
            .ToDictionary(g => g.Key, g => g.First().Groups["code"].Value);

    /// <summary>"Dissolution batch 2018": proposed, approved, and the approved by regency code.</summary>
    public static (int Proposed, int Approved, IReadOnlyDictionary<string, int> ApprovedByRegency) DissolutionBatch2018()
    {
        var section = Section("Dissolution batch 2018");
        var proposed = Number(Proposed().Match(section).Groups[1].Value);
        var approved = Number(Approved().Match(section).Groups[1].Value);
        var codes = RegencyCodes();
        var list = ByRegency().Match(section).Groups[1].Value;
        var byRegency = RegencyCount().Matches(list)
            .ToDictionary(m => codes[m.Groups["name"].Value.Trim()], m => Number(m.Groups["count"].Value));
        return (proposed, approved, byRegency);
    }

    private static string Section(string title)
    {
        var text = Text.Value;
        var start = text.IndexOf($"## {title}", StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0, $"published-figures.md has no section {title}");
        var end = text.IndexOf("\n## ", start + 3, StringComparison.Ordinal);
        return Regex.Replace(text[start..(end < 0 ? text.Length : end)], @"\s+", " ");
    }

    private static int Number(string text) => int.Parse(text.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\| (?<code>15\d\d) \| (?<name>[^|]+) \|", RegexOptions.Multiline)]
    private static partial Regex TableRow();

    [GeneratedRegex(@"proposed ([\d,]+) cooperatives")]
    private static partial Regex Proposed();

    [GeneratedRegex(@"ministry approved ([\d,]+)")]
    private static partial Regex Approved();

    [GeneratedRegex(@"Approved by regency: ([^.]+)\.")]
    private static partial Regex ByRegency();

    [GeneratedRegex(@"(?<name>[A-Z][A-Za-z ]+?) (?<count>\d+)")]
    private static partial Regex RegencyCount();
}
