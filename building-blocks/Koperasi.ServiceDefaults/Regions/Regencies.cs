using System.Collections.Frozen;

namespace Koperasi.ServiceDefaults.Regions;

/// <summary>A kabupaten or kota of Jambi province.</summary>
/// <param name="Code">BPS four-digit code, e.g. "1571".</param>
/// <param name="KemendagriCode">
/// The Ministry of Home Affairs' code, e.g. "15.71", the one a NIK starts with. It is not the BPS code
/// with a dot: for four regencies the two differ ("15.06" is Tanjung Jabung Barat, BPS 1507).
/// </param>
/// <param name="Name">Name without its kind, e.g. "Jambi".</param>
/// <param name="Kind">"kabupaten" or "kota".</param>
public sealed record Regency(string Code, string KemendagriCode, string Name, string Kind)
{
    /// <summary>The name as officers write it: "Kerinci", "Kota Jambi".</summary>
    public string DisplayName => Kind == "kota" ? $"Kota {Name}" : Name;
}

/// <summary>The regencies of Jambi, from the reference file <c>regions.csv</c> (every service validates and names them alike).</summary>
public static class Regencies
{
    private const string ResourceName = "Koperasi.ServiceDefaults.regions.csv";

    private static readonly FrozenDictionary<string, Regency> ByCode = Load().ToFrozenDictionary(r => r.Code);

    private static readonly FrozenDictionary<string, Regency> ByKemendagriCode = ByCode.Values.ToFrozenDictionary(r => r.KemendagriCode);

    /// <summary>All eleven, in code order.</summary>
    public static IReadOnlyList<Regency> All { get; } = [.. ByCode.Values.OrderBy(r => r.Code, StringComparer.Ordinal)];

    /// <summary>
    /// Accepts a code of either system, told apart by its format: four digits are BPS ("1507"),
    /// <c>15.xx</c> is Kemendagri ("15.06", which is BPS 1507); gives the one stored (BPS).
    /// </summary>
    public static bool TryNormalize(string? input, out string code)
    {
        code = "";
        var regency = Find(input);
        if (regency is null)
        {
            return false;
        }

        code = regency.Code;
        return true;
    }

    /// <summary>The regency a code of either system names ("1507" or "15.06"), or null.</summary>
    public static Regency? Find(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }

        var candidate = input.Trim();
        var byFormat = candidate.Contains('.', StringComparison.Ordinal) ? ByKemendagriCode : ByCode;
        return byFormat.GetValueOrDefault(candidate);
    }

    /// <summary>
    /// The regency whose Kemendagri code a NIK (or any code that spells it without the dot, such as
    /// a NIK koperasi) starts with: "1506…" is Tanjung Jabung Barat; null when none of Jambi.
    /// </summary>
    public static Regency? OfNikPrefix(string? digits) =>
        digits is { Length: >= 4 } ? ByKemendagriCode.GetValueOrDefault($"{digits[..2]}.{digits[2..4]}") : null;

    /// <summary>The Kemendagri code of a stored (BPS) code without its dot, as a NIK starts: 1507 gives "1506".</summary>
    public static string NikPrefixOf(string code) => Get(code).KemendagriCode.Replace(".", "", StringComparison.Ordinal);

    /// <summary>The regency with a stored (BPS) code.</summary>
    public static Regency Get(string code) =>
        ByCode.TryGetValue(code, out var regency) ? regency : throw new KeyNotFoundException($"Unknown regency code {code}.");

    /// <summary>The display name of a stored (BPS) code; the code itself when it is not of Jambi.</summary>
    public static string NameOf(string code) => ByCode.TryGetValue(code, out var regency) ? regency.DisplayName : code;

    private static IEnumerable<Regency> Load()
    {
        using var stream = typeof(Regencies).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("The embedded regions.csv is missing.");
        using var reader = new StreamReader(stream);
        _ = reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var parts = line.Split(',');
            yield return new Regency(parts[0], parts[1], parts[2], parts[3]);
        }
    }
}
