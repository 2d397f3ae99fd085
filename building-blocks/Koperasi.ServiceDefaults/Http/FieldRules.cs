using System.Globalization;
using System.Text.RegularExpressions;
using Koperasi.ServiceDefaults.Regions;

namespace Koperasi.ServiceDefaults.Http;

/// <summary>
/// The platform's one vocabulary of field checks, next to the text rules of <see cref="TextRules"/>.
/// Every check records its refusal under the field it names, in English, and never repeats the
/// value it refused (a NIK typed into the wrong field must not come back in a problem). An optional
/// value that is blank (null, empty or only white space) is absent: it passes, and
/// <see cref="Present"/> turns it into null before it is stored.
/// </summary>
public static partial class FieldRules
{
    /// <summary>The earliest date a koperasi's records can carry: the republic's first year.</summary>
    public static readonly DateOnly EarliestCooperativeDate = new(1945, 1, 1);

    /// <summary>Longest kebab-case code (a grant category).</summary>
    public const int MaxKebabCodeLength = 50;

    /// <summary>True when the value is absent: null, empty or only white space.</summary>
    public static bool IsBlank(string? value) => string.IsNullOrWhiteSpace(value);

    /// <summary>An optional value as stored: trimmed, or null when blank.</summary>
    public static string? Present(string? value) => IsBlank(value) ? null : value!.Trim();

    /// <summary>Free text trimmed, inner runs of white space made one space.</summary>
    public static string Tidy(string text) => Spaces().Replace(text.Trim(), " ");

    /// <summary>An id that must be given (not the empty GUID).</summary>
    public static RequestValidation Id(this RequestValidation v, Guid id, string field) =>
        v.Check(id != Guid.Empty, field, "Required: an id.");

    /// <summary>A list of ids: at most <paramref name="max"/>, each given (errors name <c>field[i]</c>).</summary>
    public static RequestValidation Ids(this RequestValidation v, IReadOnlyList<Guid>? ids, string field, int max)
    {
        v.Items(ids, field, max);
        for (var i = 0; i < Math.Min(ids?.Count ?? 0, max); i++)
        {
            v.Id(ids![i], $"{field}[{i}]");
        }

        return v;
    }

    /// <summary>A list of at least <paramref name="min"/> and at most <paramref name="max"/> items (absent counts as none).</summary>
    public static RequestValidation Items<T>(this RequestValidation v, IReadOnlyCollection<T>? items, string field, int max, int min = 0)
    {
        var count = items?.Count ?? 0;
        return v.Check(count >= min && count <= max, field, min > 0 ? $"Between {min} and {max} items." : $"At most {max} items.");
    }

    /// <summary>A whole number from <paramref name="min"/> (and up to <paramref name="max"/> when given).</summary>
    public static RequestValidation Count(this RequestValidation v, long value, string field, long min = 0, long? max = null) =>
        v.Check(value >= min && (max is null || value <= max), field, max is { } m ? $"Between {min} and {m}." : $"At least {min}.");

    /// <summary>An optional whole number: absent is fine, otherwise as <see cref="Count"/>.</summary>
    public static RequestValidation OptionalCount(this RequestValidation v, long? value, string field, long min = 0, long? max = null) =>
        value is { } given ? v.Count(given, field, min, max) : v;

    /// <summary>An optional amount of money or a measure: absent is fine, negative is not.</summary>
    public static RequestValidation NotNegative(this RequestValidation v, decimal? value, string field) =>
        v.Check(value is null or >= 0, field, "Cannot be negative.");

    /// <summary>A page of a list (from 1) and its size (1 to <paramref name="maxPageSize"/>).</summary>
    public static RequestValidation Page(this RequestValidation v, int page, int pageSize, int maxPageSize) =>
        v.Count(page, "page", 1).Count(pageSize, "pageSize", 1, maxPageSize);

    /// <summary>An optional year between <paramref name="min"/> and <paramref name="max"/>.</summary>
    public static RequestValidation Year(this RequestValidation v, int? year, string field, int min, int max) =>
        v.Check(year is null || (year >= min && year <= max), field, $"A year from {min} to {max}.");

    /// <summary>
    /// A date on or after <paramref name="earliest"/> and, when <paramref name="latest"/> is given
    /// (today, for what already happened), not after it.
    /// </summary>
    public static RequestValidation Date(this RequestValidation v, DateOnly date, string field, DateOnly earliest, DateOnly? latest = null)
    {
        if (date < earliest)
        {
            return v.Add(field, $"A date on or after {Iso(earliest)}.");
        }

        return latest is { } last && date > last ? v.Add(field, $"A date not after {Iso(last)}.") : v;
    }

    /// <summary>An optional date: absent is fine, otherwise as <see cref="Date(RequestValidation, DateOnly, string, DateOnly, DateOnly?)"/>.</summary>
    public static RequestValidation OptionalDate(this RequestValidation v, DateOnly? date, string field, DateOnly earliest, DateOnly? latest = null) =>
        date is { } given ? v.Date(given, field, earliest, latest) : v;

    /// <summary>A period (of days) that ends on or after the day it starts.</summary>
    public static RequestValidation DateRange(this RequestValidation v, DateOnly from, DateOnly to, string field) =>
        v.Check(from <= to, field, "A period ends on or after the day it starts.");

    /// <summary>
    /// A regency of Jambi province in either spelling ("1571" or "15.71"); gives the stored (BPS)
    /// code, or null when absent or unknown.
    /// </summary>
    public static string? Regency(this RequestValidation v, string? code, string field, bool required = true)
    {
        if (!required && IsBlank(code))
        {
            return null;
        }

        if (Regencies.TryNormalize(code?.Trim(), out var normalized))
        {
            return normalized;
        }

        v.Add(field, "Not a regency of Jambi province: use a code such as 1571 or 15.71.");
        return null;
    }

    /// <summary>A kebab-case code such as <c>wirausaha-pemula</c>, at most <paramref name="maxLength"/> characters.</summary>
    public static RequestValidation KebabCode(this RequestValidation v, string? code, string field, bool required = true, int maxLength = MaxKebabCodeLength) =>
        !required && IsBlank(code)
            ? v
            : v.Check(IsKebabCode(code?.Trim(), maxLength), field, $"A kebab-case code of at most {maxLength} characters, such as wirausaha-pemula.");

    /// <summary>True for a kebab-case code of at most <paramref name="maxLength"/> characters.</summary>
    public static bool IsKebabCode(string? code, int maxLength = MaxKebabCodeLength) =>
        code is not null && code.Length <= maxLength && KebabCodePattern().IsMatch(code);

    /// <summary>An optional phone number: 6 to 15 digits, optionally after a +.</summary>
    public static RequestValidation Phone(this RequestValidation v, string? phone, string field) =>
        v.Check(IsBlank(phone) || PhonePattern().IsMatch(phone!.Trim()), field, "A phone number has 6 to 15 digits, optionally starting with +.");

    /// <summary>An optional NIB (business identification number): 13 digits.</summary>
    public static RequestValidation Nib(this RequestValidation v, string? nib, string field) =>
        v.Check(IsBlank(nib) || NibPattern().IsMatch(nib!.Trim()), field, "An NIB has 13 digits.");

    /// <summary>An optional postal code: 5 digits.</summary>
    public static RequestValidation PostalCode(this RequestValidation v, string? postalCode, string field) =>
        v.Check(IsBlank(postalCode) || PostalCodePattern().IsMatch(postalCode!.Trim()), field, "A postal code has 5 digits.");

    /// <summary>An optional e-mail address.</summary>
    public static RequestValidation Email(this RequestValidation v, string? email, string field) =>
        v.Check(IsBlank(email) || (email!.Trim().Length <= 254 && EmailPattern().IsMatch(email.Trim())), field, "Not an e-mail address.");

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCodePattern();

    [GeneratedRegex(@"^\+?\d{6,15}$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^\d{13}$")]
    private static partial Regex NibPattern();

    [GeneratedRegex(@"^\d{5}$")]
    private static partial Regex PostalCodePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
