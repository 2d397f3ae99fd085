using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Koperasi.ServiceDefaults.PersonalData;

/// <summary>
/// The citizen NIK (Nomor Induk Kependudukan): 16 digits, the province, regency and kecamatan of
/// first registration, the birth date as DDMMYY (40 added to the day for women) and a serial.
/// A NIK never appears in clear in logs, traces, problem details or bus messages; screens and
/// exports show it masked (its first 6 and last 4 digits) unless the reader is entitled to it.
/// </summary>
/// <remarks>
/// <para>
/// What counts as NIK-shaped in free text: a run of exactly 16 ASCII digits that is not part of a
/// longer run of digits, or 16 digits written in groups joined by single spaces, dots or dashes
/// ("1571 0145 0790 0001", "15.71.01.450790.0001"), the way people type a NIK into a form, when
/// that grouped run stands apart from the words around it.
/// </para>
/// <para>
/// Every such run is masked, whether or not its date part is a valid date: a mistyped NIK is still
/// somebody's personal data, and a date check would let it through. The exact count is what keeps
/// ordinary numbers intact: a NIB (13 digits), a phone number (10 to 13), an old-format NPWP (15),
/// a timestamp or a Rupiah amount is shorter or longer, so it is left alone. The few other
/// 16-digit numbers (a payment card, the 16-digit NPWP, which for a person is the NIK itself) are
/// better masked too.
/// </para>
/// </remarks>
public static class Nik
{
    /// <summary>Digits in a NIK.</summary>
    public const int Length = 16;

    private const int ShownPrefix = 6;
    private const int ShownSuffix = 4;

    /// <summary>True when <paramref name="value"/> is exactly 16 ASCII digits.</summary>
    public static bool IsNik([NotNullWhen(true)] string? value) =>
        value is { Length: Length } && !value.AsSpan().ContainsAnyExceptInRange('0', '9');

    /// <summary>The NIK with all but its first 6 and last 4 digits hidden: <c>157101******0001</c>.</summary>
    /// <exception cref="ArgumentException">The value is not 16 digits (the message never repeats it).</exception>
    public static string Mask(string nik)
    {
        if (!IsNik(nik))
        {
            throw new ArgumentException("A NIK is 16 digits.", nameof(nik));
        }

        return Mask(nik.AsSpan());
    }

    /// <summary>True when <paramref name="text"/> holds a NIK-shaped run anywhere.</summary>
    public static bool ContainsNik([NotNullWhen(true)] string? text) =>
        text is not null && !ReferenceEquals(Scrub(text), text);

    /// <summary>
    /// <paramref name="text"/> with every NIK-shaped run replaced by its masked form; the same
    /// instance when there is none, so the common case allocates nothing.
    /// </summary>
    [return: NotNullIfNotNull(nameof(text))]
    public static string? Scrub(string? text)
    {
        if (text is null || text.Length < Length)
        {
            return text;
        }

        StringBuilder? scrubbed = null;
        var copied = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                i++;
                continue;
            }

            // One run: groups of digits joined by single separators, read to its end so that a
            // group is judged by the whole run it belongs to.
            var runStart = i;
            var digits = 0;
            var groups = 0;
            while (true)
            {
                var groupStart = i;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }

                groups++;
                digits += i - groupStart;
                if (i - groupStart == Length)
                {
                    Replace(groupStart, i, Mask(text.AsSpan(groupStart, Length)));
                }

                if (i + 1 < text.Length && IsSeparator(text[i]) && char.IsAsciiDigit(text[i + 1]))
                {
                    i++;
                    continue;
                }

                break;
            }

            if (groups > 1 && digits == Length && StandsAlone(text, runStart, i))
            {
                Replace(runStart, i, MaskGrouped(text.AsSpan(runStart, i - runStart)));
            }
        }

        if (scrubbed is null)
        {
            return text;
        }

        scrubbed.Append(text, copied, text.Length - copied);
        return scrubbed.ToString();

        void Replace(int start, int end, string masked)
        {
            scrubbed ??= new StringBuilder(text.Length);
            scrubbed.Append(text, copied, start - copied).Append(masked);
            copied = end;
        }
    }

    private static bool IsSeparator(char c) => c is ' ' or '.' or '-';

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    // A grouped run glued to a word by a dot or a dash is a piece of an identifier (a GUID such as
    // "12345678-1234-1234-abcd-...", a version, a hex digest), not a NIK someone typed.
    private static bool StandsAlone(string text, int start, int end)
    {
        var before = start == 0
            || (!IsWordChar(text[start - 1])
                && !(text[start - 1] is '.' or '-' && start >= 2 && IsWordChar(text[start - 2])));
        var after = end == text.Length
            || (!IsWordChar(text[end])
                && !(text[end] is '.' or '-' && end + 1 < text.Length && IsWordChar(text[end + 1])));
        return before && after;
    }

    private static string Mask(ReadOnlySpan<char> digits) =>
        string.Concat(digits[..ShownPrefix], new string('*', Length - ShownPrefix - ShownSuffix), digits[^ShownSuffix..]);

    private static string MaskGrouped(ReadOnlySpan<char> run)
    {
        Span<char> digits = stackalloc char[Length];
        var n = 0;
        foreach (var c in run)
        {
            if (char.IsAsciiDigit(c))
            {
                digits[n++] = c;
            }
        }

        return Mask(digits);
    }
}
