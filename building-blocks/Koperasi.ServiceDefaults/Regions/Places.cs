using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Koperasi.ServiceDefaults.Decisions;

namespace Koperasi.ServiceDefaults.Regions;

/// <summary>A kecamatan of Jambi.</summary>
/// <param name="Code">Kemendagri code, e.g. "15.71.04".</param>
/// <param name="RegencyCode">The regency's stored (BPS) code, e.g. "1571": the system addresses store.</param>
/// <param name="Name">Name as the regulation writes it, e.g. "Pasar Jambi".</param>
public sealed record Kecamatan(string Code, string RegencyCode, string Name);

/// <summary>A desa or kelurahan of Jambi.</summary>
/// <param name="Code">Kemendagri code, e.g. "15.71.04.1001" (1xxx kelurahan, 2xxx desa).</param>
/// <param name="KecamatanCode">Kemendagri code of its kecamatan.</param>
/// <param name="Name">Name as the regulation writes it.</param>
public sealed record Desa(string Code, string KecamatanCode, string Name);

/// <summary>A place found from what a caller sent, or the rule that refused it (naming the field).</summary>
/// <typeparam name="T"><see cref="Kecamatan"/> or <see cref="Desa"/>.</typeparam>
public sealed record PlaceLookup<T>(T? Place, DomainError? Error)
    where T : class
{
    /// <summary>True when the input named no place where it should.</summary>
    public bool IsRefused => Error is not null;
}

/// <summary>
/// The kecamatan and desa/kelurahan of Jambi, from the reference files <c>kecamatan.csv</c> and
/// <c>desa.csv</c> (idn-area-data, ODbL 1.0: see NOTICE.md beside them). A caller may name a place
/// by its Kemendagri code or by its name, case and repeated spaces ignored, always within the
/// regency (kecamatan) or kecamatan (desa) it belongs to.
/// </summary>
public static partial class Places
{
    private static readonly FrozenDictionary<string, Kecamatan> KecamatanByCode =
        Load("kecamatan.csv", parts => new Kecamatan(parts[0], Regencies.Find(parts[1])?.Code ?? throw new InvalidOperationException($"kecamatan.csv names an unknown regency {parts[1]}."), parts[2]))
            .ToFrozenDictionary(k => k.Code, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, Desa> DesaByCode =
        Load("desa.csv", parts => new Desa(parts[0], parts[1], parts[2])).ToFrozenDictionary(d => d.Code, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, Kecamatan[]> KecamatanByRegency = KecamatanByCode.Values
        .GroupBy(k => k.RegencyCode, StringComparer.Ordinal)
        .ToFrozenDictionary(g => g.Key, g => g.OrderBy(k => k.Code, StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, Desa[]> DesaByKecamatan = DesaByCode.Values
        .GroupBy(d => d.KecamatanCode, StringComparer.Ordinal)
        .ToFrozenDictionary(g => g.Key, g => g.OrderBy(d => d.Code, StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);

    /// <summary>All 144 kecamatan, in code order.</summary>
    public static IReadOnlyList<Kecamatan> AllKecamatan { get; } = [.. KecamatanByCode.Values.OrderBy(k => k.Code, StringComparer.Ordinal)];

    /// <summary>All 1,585 desa and kelurahan, in code order.</summary>
    public static IReadOnlyList<Desa> AllDesa { get; } = [.. DesaByCode.Values.OrderBy(d => d.Code, StringComparer.Ordinal)];

    /// <summary>The kecamatan with this Kemendagri code ("15.71.04"), or null.</summary>
    public static Kecamatan? FindKecamatan(string? code) => code is null ? null : KecamatanByCode.GetValueOrDefault(code.Trim());

    /// <summary>The desa or kelurahan with this Kemendagri code ("15.71.04.1001"), or null.</summary>
    public static Desa? FindDesa(string? code) => code is null ? null : DesaByCode.GetValueOrDefault(code.Trim());

    /// <summary>The kecamatan of a regency (a code of either system), in code order; none for an unknown one.</summary>
    public static IReadOnlyList<Kecamatan> KecamatanOf(string regency) =>
        Regencies.Find(regency) is { } r && KecamatanByRegency.TryGetValue(r.Code, out var all) ? all : [];

    /// <summary>The desa and kelurahan of a kecamatan, in code order; none for an unknown one.</summary>
    public static IReadOnlyList<Desa> DesaOf(string kecamatanCode) => DesaByKecamatan.GetValueOrDefault(kecamatanCode.Trim()) ?? [];

    /// <summary>
    /// The kecamatan of <paramref name="regency"/> (a code of either system) that <paramref name="input"/>
    /// names by code or by name; otherwise the refusal, naming <paramref name="field"/>: a code of
    /// another regency, an unknown code or name, or nothing sent.
    /// </summary>
    public static PlaceLookup<Kecamatan> ResolveKecamatan(string regency, string? input, string field)
    {
        if (Regencies.Find(regency) is not { } inRegency)
        {
            return Refused<Kecamatan>("unknown-regency", "That is no regency of Jambi (a BPS code such as 1571 or a Kemendagri code such as 15.71), so no kecamatan can be found in it.", field);
        }

        if (string.IsNullOrWhiteSpace(input))
        {
            return Refused<Kecamatan>("kecamatan-required", "The kecamatan is required: its Kemendagri code (e.g. 15.71.04) or its name.", field);
        }

        if (KecamatanCode().IsMatch(input.Trim()))
        {
            return FindKecamatan(input) switch
            {
                null => Refused<Kecamatan>("unknown-kecamatan", $"No kecamatan of Jambi has the code {input.Trim()}.", field),
                { } other when other.RegencyCode != inRegency.Code => Refused<Kecamatan>(
                    "kecamatan-outside-regency",
                    $"Kecamatan {other.Code} ({other.Name}) is in {Regencies.NameOf(other.RegencyCode)}, not in {inRegency.DisplayName}.",
                    field),
                { } found => new PlaceLookup<Kecamatan>(found, null),
            };
        }

        var name = NormalizeName(input);
        return KecamatanByRegency[inRegency.Code].FirstOrDefault(k => NormalizeName(k.Name) == name) is { } named
            ? new PlaceLookup<Kecamatan>(named, null)
            : Refused<Kecamatan>("unknown-kecamatan", $"{inRegency.DisplayName} has no kecamatan of that name; send its Kemendagri code or its name as the regulation writes it.", field);
    }

    /// <summary>
    /// The desa or kelurahan of kecamatan <paramref name="kecamatanCode"/> that <paramref name="input"/>
    /// names by code or by name; otherwise the refusal, naming <paramref name="field"/>. Two places of one
    /// kecamatan may share a name (a desa and a kelurahan): such a name is refused as ambiguous.
    /// </summary>
    public static PlaceLookup<Desa> ResolveDesa(string kecamatanCode, string? input, string field)
    {
        if (FindKecamatan(kecamatanCode) is not { } kecamatan)
        {
            return Refused<Desa>("unknown-kecamatan", "No kecamatan of Jambi has that Kemendagri code (e.g. 15.71.04), so no desa can be found in it.", field);
        }

        if (string.IsNullOrWhiteSpace(input))
        {
            return Refused<Desa>("desa-required", "The desa or kelurahan is required: its Kemendagri code (e.g. 15.71.04.1002) or its name.", field);
        }

        if (DesaCode().IsMatch(input.Trim()))
        {
            return FindDesa(input) switch
            {
                null => Refused<Desa>("unknown-desa", $"No desa or kelurahan of Jambi has the code {input.Trim()}.", field),
                { } other when other.KecamatanCode != kecamatan.Code => Refused<Desa>(
                    "desa-outside-kecamatan",
                    $"Desa {other.Code} ({other.Name}) is in kecamatan {other.KecamatanCode} ({FindKecamatan(other.KecamatanCode)?.Name}), not in {kecamatan.Code} ({kecamatan.Name}).",
                    field),
                { } found => new PlaceLookup<Desa>(found, null),
            };
        }

        var name = NormalizeName(input);
        var named = DesaOf(kecamatan.Code).Where(d => NormalizeName(d.Name) == name).ToList();
        return named.Count switch
        {
            1 => new PlaceLookup<Desa>(named[0], null),
            0 => Refused<Desa>("unknown-desa", $"Kecamatan {kecamatan.Code} ({kecamatan.Name}) has no desa or kelurahan of that name; send its Kemendagri code or its name as the regulation writes it.", field),
            _ => Refused<Desa>(
                "ambiguous-desa",
                $"Kecamatan {kecamatan.Code} ({kecamatan.Name}) has {named.Count} places of that name ({string.Join(", ", named.Select(d => d.Code))}): send the code.",
                field),
        };
    }

    /// <summary>
    /// The one-off mapping of a koperasi registered with a free-text kecamatan: the code of the
    /// kecamatan of <paramref name="regency"/> whose name matches (case and repeated spaces ignored),
    /// or null when none does (the free text is kept as it is).
    /// </summary>
    public static string? KecamatanCodeOf(string regency, string? freeText) =>
        string.IsNullOrWhiteSpace(freeText) || KecamatanCode().IsMatch(freeText.Trim()) ? null : ResolveKecamatan(regency, freeText, "kecamatan").Place?.Code;

    /// <summary>True when <paramref name="input"/> is written as a desa code ("15.71.04.1001"), known or not.</summary>
    public static bool IsDesaCode(string? input) => input is not null && DesaCode().IsMatch(input.Trim());

    /// <summary>How names are compared: trimmed, runs of white space as one space, upper case.</summary>
    public static string NormalizeName(string name) => Whitespace().Replace(name.Trim(), " ").ToUpperInvariant();

    private static PlaceLookup<T> Refused<T>(string rule, string detail, string field)
        where T : class => new(null, DomainError.Unprocessable(rule, detail, field));

    private static List<T> Load<T>(string file, Func<string[], T> read)
    {
        using var stream = typeof(Places).Assembly.GetManifestResourceStream($"Koperasi.ServiceDefaults.{file}")
            ?? throw new InvalidOperationException($"The embedded {file} is missing.");
        using var reader = new StreamReader(stream);
        _ = reader.ReadLine();
        var rows = new List<T>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                rows.Add(read(line.Split(',')));
            }
        }

        return rows;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^\d{2}\.\d{2}\.\d{2}$")]
    private static partial Regex KecamatanCode();

    [GeneratedRegex(@"^\d{2}\.\d{2}\.\d{2}\.\d{4}$")]
    private static partial Regex DesaCode();
}
