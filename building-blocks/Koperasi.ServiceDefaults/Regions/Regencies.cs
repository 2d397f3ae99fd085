using System.Collections.Frozen;

namespace Koperasi.ServiceDefaults.Regions;

/// <summary>A kabupaten or kota of Jambi province.</summary>
/// <param name="Code">BPS four-digit code, e.g. "1571".</param>
/// <param name="KemendagriCode">The same code as the Ministry of Home Affairs writes it, e.g. "15.71".</param>
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

    /// <summary>All eleven, in code order.</summary>
    public static IReadOnlyList<Regency> All { get; } = [.. ByCode.Values.OrderBy(r => r.Code, StringComparer.Ordinal)];

    /// <summary>
    /// Accepts either spelling of a code ("1571" or "15.71") and gives the one stored (BPS).
    /// </summary>
    public static bool TryNormalize(string? input, out string code)
    {
        code = "";
        if (string.IsNullOrWhiteSpace(input))
        {
            return false;
        }

        var candidate = input.Trim().Replace(".", "", StringComparison.Ordinal);
        if (!ByCode.ContainsKey(candidate))
        {
            return false;
        }

        code = candidate;
        return true;
    }

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
