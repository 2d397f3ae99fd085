using System.Globalization;
using System.Text.RegularExpressions;

namespace Koperasi.Funding.Tests.Security;

/// <summary>
/// What someone who sees a view tries in order to complete a masked NIK: every prefix and suffix a
/// masked NIK in the view gives (and the region prefixes, guessable from an address), combined with
/// every birth-date part the view gives (each date in it, as a man's and as a woman's DDMMYY, and
/// any six-digit run), and any 16-digit run as it stands. The set of NIKs it comes up with.
/// </summary>
public static partial class NikRebuild
{
    public static IReadOnlySet<string> Attempt(string view, IEnumerable<string> guessablePrefixes)
    {
        var masked = MaskedNik().Matches(view);
        var prefixes = masked.Select(m => m.Groups["prefix"].Value).Concat(guessablePrefixes).ToHashSet(StringComparer.Ordinal);
        var suffixes = masked.Select(m => m.Groups["suffix"].Value).ToHashSet(StringComparer.Ordinal);
        var middles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var date in Dates(view))
        {
            middles.Add(BirthPart(date, female: false));
            middles.Add(BirthPart(date, female: true));
        }

        middles.UnionWith(SixDigits().Matches(view).Select(m => m.Value));
        var candidates = new HashSet<string>(SixteenDigits().Matches(view).Select(m => m.Value), StringComparer.Ordinal);
        foreach (var prefix in prefixes)
        {
            foreach (var middle in middles)
            {
                foreach (var suffix in suffixes)
                {
                    candidates.Add(prefix + middle + suffix);
                }
            }
        }

        return candidates;
    }

    /// <summary>DDMMYY as the NIK writes a birth date: a woman's day plus 40.</summary>
    public static string BirthPart(DateOnly date, bool female) =>
        (date.Day + (female ? 40 : 0)).ToString("00", CultureInfo.InvariantCulture) + date.ToString("MMyy", CultureInfo.InvariantCulture);

    private static IEnumerable<DateOnly> Dates(string view)
    {
        foreach (Match m in IsoDate().Matches(view))
        {
            if (DateOnly.TryParseExact(m.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                yield return date;
            }
        }

        foreach (Match m in DayFirstDate().Matches(view))
        {
            if (DateOnly.TryParseExact(m.Value.Replace('/', '-').Replace('.', '-'), "dd-MM-yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                yield return date;
            }
        }
    }

    [GeneratedRegex(@"(?<prefix>\d{6})\*{6}(?<suffix>\d{4})")]
    private static partial Regex MaskedNik();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"\d{2}[-/.]\d{2}[-/.]\d{4}")]
    private static partial Regex DayFirstDate();

    [GeneratedRegex(@"(?<!\d)\d{6}(?!\d)")]
    private static partial Regex SixDigits();

    [GeneratedRegex(@"(?<!\d)\d{16}(?!\d)")]
    private static partial Regex SixteenDigits();
}
