using System.Text.RegularExpressions;
using Koperasi.ServiceDefaults.Http;

namespace Koperasi.Funding;

/// <summary>Shape checks the use cases share (answered as 400 naming the field).</summary>
public static partial class Validation
{
    /// <summary>Required free text (it may span lines): no control characters, no personal data (422).</summary>
    public static void Text(RequestValidation v, string? value, string field, int maxLength) =>
        v.FreeText(value, field, maxLength);

    /// <summary>Optional free text: absent or empty is fine.</summary>
    public static void OptionalText(RequestValidation v, string? value, string field, int maxLength) =>
        v.FreeText(value, field, maxLength, required: false);

    /// <summary>A required one-line name: no control characters, no personal data (422).</summary>
    public static void Name(RequestValidation v, string? value, string field, int maxLength) =>
        v.Name(value, field, maxLength);

    /// <summary>A category code: kebab case, at most <see cref="MaxCodeLength"/> characters.</summary>
    public static void Code(RequestValidation v, string? code, string field) =>
        v.Check(IsCode(code?.Trim()), field, $"A kebab-case code of at most {MaxCodeLength} characters, such as wirausaha-pemula.");

    /// <summary>Longest category code.</summary>
    public const int MaxCodeLength = 50;

    /// <summary>References to photos kept elsewhere (an object store key or URL): at most 20, each a short single line.</summary>
    public static void PhotoReferences(RequestValidation v, IReadOnlyList<string>? references, string field)
    {
        v.Check((references?.Count ?? 0) <= 20, field, "At most 20 photo references.");
        for (var i = 0; i < Math.Min(references?.Count ?? 0, 20); i++)
        {
            v.Code(references![i], $"{field}[{i}]", 500);
        }
    }

    /// <summary>A category code: kebab case, as in "wirausaha-pemula".</summary>
    public static bool IsCode(string? code) => code is { Length: <= MaxCodeLength } && CodePattern().IsMatch(code);

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
