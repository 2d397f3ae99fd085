using System.Globalization;
using System.Text.Json;
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

    /// <summary>
    /// "Earlier snapshots": April 2022 taken as of 30 April 2022, October 2022 as of 31 October 2022
    /// (the publication names only the month); type counts are of all registered koperasi.
    /// </summary>
    public static IReadOnlyList<Snapshot> EarlierSnapshots()
    {
        var section = Section("Earlier snapshots");
        var april = April2022().Match(section);
        var october = October2022().Match(section);
        april.Success.ShouldBeTrue("published-figures.md: the April 2022 snapshot");
        october.Success.ShouldBeTrue("published-figures.md: the October 2022 snapshot");
        return
        [
            new(new DateOnly(2022, 4, 30), Number(april.Groups["aktif"].Value) + Number(april.Groups["tidakAktif"].Value), Number(april.Groups["tidakAktif"].Value), null,
                new Dictionary<string, int> { ["produsen"] = Number(april.Groups["produsen"].Value), ["simpan-pinjam"] = Number(april.Groups["simpanPinjam"].Value) }),
            new(new DateOnly(2022, 10, 31), Number(october.Groups["registered"].Value), Number(october.Groups["tidakAktif"].Value), Number(october.Groups["members"].Value),
                new Dictionary<string, int> { ["konsumen"] = Number(october.Groups["konsumen"].Value), ["simpan-pinjam"] = Number(october.Groups["simpanPinjam"].Value) }),
        ];
    }

    /// <summary>"Cooperatives by regency and activity, 29 August 2025": the totals, the provincial figures and the produsen.</summary>
    public static Latest LatestFigures()
    {
        var section = Section("Cooperatives by regency and activity, 29 August 2025");
        var total = Totals().Match(section);
        var provincial = Provincial().Match(section);
        total.Success.ShouldBeTrue("published-figures.md: the totals of 29 August 2025");
        provincial.Success.ShouldBeTrue("published-figures.md: the provincial supervision of 2025");
        var types = ProvincialType().Matches(provincial.Groups["types"].Value)
            .ToDictionary(m => m.Groups["type"].Value.Replace(' ', '-'), m => Number(m.Groups["count"].Value));
        return new Latest(
            new DateOnly(2025, 8, 29), Number(total.Groups["total"].Value), Number(total.Groups["aktif"].Value), Number(total.Groups["tidakAktif"].Value), Number(total.Groups["nik"].Value),
            Number(provincial.Groups["total"].Value), Number(provincial.Groups["aktif"].Value), Number(provincial.Groups["tidakAktif"].Value), types,
            Number(provincial.Groups["kdmp"].Value), Number(provincial.Groups["produsen"].Value));
    }

    /// <summary>An earlier published figure: on <see cref="AsOf"/>, the registered koperasi, the tidak aktif, the members if published, and some types (kebab-case names).</summary>
    public sealed record Snapshot(DateOnly AsOf, int Registered, int TidakAktif, long? Members, IReadOnlyDictionary<string, int> Types)
    {
        public int Aktif => Registered - TidakAktif;
    }

    /// <summary>The figures of 29 August 2025 beside the regency table.</summary>
    public sealed record Latest(
        DateOnly AsOf, int Total, int Aktif, int TidakAktif, int NikKoperasi,
        int Provincial, int ProvincialAktif, int ProvincialTidakAktif, IReadOnlyDictionary<string, int> ProvincialTypes, int ProvincialKdmp, int Produsen);

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

    [GeneratedRegex(@"April 2022 \([^)]*\): (?<aktif>[\d,]+) aktif, (?<tidakAktif>[\d,]+) tidak aktif; (?<produsen>[\d,]+) produsen and (?<simpanPinjam>[\d,]+) simpan pinjam")]
    private static partial Regex April2022();

    [GeneratedRegex(@"October 2022: (?<registered>[\d,]+) registered, (?<tidakAktif>[\d,]+) tidak aktif, (?<members>[\d,]+) members; konsumen (?<konsumen>[\d,]+), simpan pinjam (?<simpanPinjam>[\d,]+)")]
    private static partial Regex October2022();

    [GeneratedRegex(@"Total (?<total>[\d,]+) registered; (?<aktif>[\d,]+) aktif; (?<tidakAktif>[\d,]+) tidak aktif; (?<nik>[\d,]+) hold a NIK koperasi")]
    private static partial Regex Totals();

    [GeneratedRegex(@"Under provincial supervision \(2025\): (?<total>[\d,]+) \((?<aktif>[\d,]+) aktif, (?<tidakAktif>[\d,]+) tidak aktif\); by type (?<types>[^;]+?), plus (?<kdmp>\d+) Koperasi Desa Merah Putih\. Produsen cooperatives province-wide: (?<produsen>[\d,]+)")]
    private static partial Regex Provincial();

    [GeneratedRegex(@"(?<type>[a-z]+(?: [a-z]+)?) (?<count>\d+)")]
    private static partial Regex ProvincialType();
}

/// <summary>The supervision figures the demo must give, copied from shared/data/published-figures.md into the test's own data file (Demo/published-supervision-figures.json).</summary>
public sealed record PublishedSupervisionFigures(DateOnly KdmpFormedBy, int Kdmp, DateOnly ValidNikKoperasiOn, int ValidNikKoperasi)
{
    public static PublishedSupervisionFigures Load() => JsonSerializer.Deserialize<PublishedSupervisionFigures>(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Demo", "published-supervision-figures.json")),
        JsonSerializerOptions.Web)!;
}
