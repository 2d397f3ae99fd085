using System.Text.RegularExpressions;
using Koperasi.ServiceDefaults.Http;

namespace Koperasi.Funding;

/// <summary>Shape checks the use cases share (answered as 400 naming the field).</summary>
public static partial class Validation
{
    public static void Text(RequestValidation v, string? value, string field, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            v.Add(field, "Required.");
        }
        else if (value.Length > maxLength)
        {
            v.Add(field, $"At most {maxLength} characters.");
        }
    }

    public static void OptionalText(RequestValidation v, string? value, string field, int maxLength) =>
        v.Check(value is null || value.Length <= maxLength, field, $"At most {maxLength} characters.");

    /// <summary>References to photos kept elsewhere (an object store key or URL): at most 20, each a short single line.</summary>
    public static void PhotoReferences(RequestValidation v, IReadOnlyList<string>? references, string field)
    {
        v.Check((references?.Count ?? 0) <= 20, field, "At most 20 photo references.");
        for (var i = 0; i < Math.Min(references?.Count ?? 0, 20); i++)
        {
            Text(v, references![i], $"{field}[{i}]", 500);
        }
    }

    /// <summary>A category code: kebab case, as in "wirausaha-pemula".</summary>
    public static bool IsCode(string? code) => code is not null && CodePattern().IsMatch(code);

    public static bool IsNib(string? nib) => nib is null || NibPattern().IsMatch(nib);

    public static bool IsPhone(string? phone) => phone is null || PhonePattern().IsMatch(phone);

    /// <summary>Free text trimmed, inner runs of spaces made one.</summary>
    public static string Tidy(string text) => Spaces().Replace(text.Trim(), " ");

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"^\d{13}$")]
    private static partial Regex NibPattern();

    [GeneratedRegex(@"^\+?\d{6,15}$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
