using System.Collections;
using System.Globalization;
using System.Numerics;

namespace Koperasi.ServiceDefaults.PersonalData;

/// <summary>
/// Scrubs one value a log record or a span carries. A value that holds no NIK comes back as the
/// same instance, so its type (a number stays a number) and the common case cost nothing.
/// </summary>
internal static class PersonalDataValues
{
    public static object? Scrub(object? value) => value switch
    {
        null => null,
        string text => Nik.Scrub(text),
        // A NIK held in a number is as personal as one held in text.
        long or ulong or decimal or BigInteger => Masked(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture)) ?? value,
        // Values that are never text a person typed.
        bool or int or uint or short or ushort or byte or sbyte or double or float or char
            or Guid or DateTime or DateTimeOffset or DateOnly or TimeOnly or TimeSpan or Enum => value,
        string[] texts => ScrubTexts(texts),
        // Only materialised collections are read: enumerating a lazy sequence could run a query.
        ICollection items => ScrubItems(items),
        // Anything else reaches a log or an exporter as its ToString(): a record prints its members.
        _ => ScrubText(value),
    };

    private static string? Masked(string digits) => Nik.IsNik(digits) ? Nik.Mask(digits) : null;

    private static object ScrubText(object value)
    {
        var text = value.ToString();
        var scrubbed = Nik.Scrub(text);
        return ReferenceEquals(scrubbed, text) ? value : scrubbed!;
    }

    private static string[] ScrubTexts(string[] texts)
    {
        string[]? scrubbed = null;
        for (var i = 0; i < texts.Length; i++)
        {
            var text = Nik.Scrub(texts[i]);
            if (!ReferenceEquals(text, texts[i]))
            {
                scrubbed ??= (string[])texts.Clone();
                scrubbed[i] = text;
            }
        }

        return scrubbed ?? texts;
    }

    private static object ScrubItems(ICollection items)
    {
        var list = new List<object?>(items.Count);
        var changed = false;
        foreach (var item in items)
        {
            var scrubbed = Scrub(item);
            changed |= !ReferenceEquals(scrubbed, item);
            list.Add(scrubbed);
        }

        return changed ? list.ToArray() : items;
    }
}
