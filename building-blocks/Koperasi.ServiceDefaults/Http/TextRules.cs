using System.Text.RegularExpressions;

namespace Koperasi.ServiceDefaults.Http;

/// <summary>
/// The checks every text a caller sends goes through, in every service. Free text (notes,
/// findings, reasons, descriptions) may span lines; names and codes are one line. Neither may
/// carry a control character, and neither free text nor a name may carry a citizen's NIK, phone
/// number or bank account: those live in the fields made for them, encrypted, and what is typed
/// into text is kept in events for ever and published. An optional text that is blank (null,
/// empty or only white space) is absent: it passes, and the handler stores
/// <see cref="FieldRules.Present"/> of it (null).
/// </summary>
public static partial class TextRules
{
    /// <summary>Free text: lines, tabs allowed; personal data refused (422).</summary>
    public static RequestValidation FreeText(this RequestValidation v, string? value, string field, int maxLength, bool required = true) =>
        Check(v, value, field, maxLength, required, allowLineBreaks: true, refusePersonalData: true);

    /// <summary>A name (of a person, a koperasi, a programme, a place): one line; personal data refused (422).</summary>
    public static RequestValidation Name(this RequestValidation v, string? value, string field, int maxLength, bool required = true) =>
        Check(v, value, field, maxLength, required, allowLineBreaks: false, refusePersonalData: true);

    /// <summary>A code or a reference number (a decree, a deed, a bank code): one line; digits are its business.</summary>
    public static RequestValidation Code(this RequestValidation v, string? value, string field, int maxLength, bool required = true) =>
        Check(v, value, field, maxLength, required, allowLineBreaks: false, refusePersonalData: false);

    /// <summary>
    /// What kind of personal data <paramref name="text"/> seems to hold ("a NIK", "a phone number",
    /// "a bank account number"), or null. Digits may be grouped by spaces, dots or dashes; amounts
    /// grouped by thousands ("Rp 1.500.000.000") and digits inside a word are not personal data.
    /// </summary>
    public static string? FindPersonalData(string text)
    {
        foreach (Match run in DigitRun().Matches(text))
        {
            var digits = new string([.. run.Value.Where(char.IsAsciiDigit)]);
            if (digits.Length == 16)
            {
                return "a NIK";
            }

            var amount = ThousandsGrouped().IsMatch(run.Value);
            var phoneLength = digits.Length is >= 9 and <= 14;
            if (run.Value.StartsWith('+') ? digits.StartsWith("62", StringComparison.Ordinal) && phoneLength
                : !amount && phoneLength && (digits.StartsWith("08", StringComparison.Ordinal) || digits.StartsWith("62", StringComparison.Ordinal)))
            {
                return "a phone number";
            }

            if (digits.Length >= 10 && !amount)
            {
                return "a bank account number";
            }
        }

        return null;
    }

    private static RequestValidation Check(RequestValidation v, string? value, string field, int maxLength, bool required, bool allowLineBreaks, bool refusePersonalData)
    {
        if (!required && FieldRules.IsBlank(value))
        {
            return v;
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            return v.Add(field, "Required.");
        }

        if (value.Length > maxLength)
        {
            return v.Add(field, $"At most {maxLength} characters.");
        }

        if (value.Any(c => char.IsControl(c) && !(allowLineBreaks && c is '\n' or '\r' or '\t')))
        {
            return v.Add(field, allowLineBreaks
                ? "Control characters are not allowed (line breaks and tabs are)."
                : "Control characters (line breaks, tabs, NUL) are not allowed.");
        }

        if (refusePersonalData && FindPersonalData(value) is { } kind)
        {
            return v.AddPersonalData(field, $"This looks like {kind}. Personal data does not belong in this field: remove it.");
        }

        return v;
    }

    // Digits, optionally after a '+', with at most one space, dot or dash between two digits, and
    // standing apart from letters: "Uji 3f2a1234567890bc" is an identifier, not an account.
    [GeneratedRegex(@"(?<![\p{L}\d])\+?\d(?:[ .\-]?\d)*(?![\p{L}\d])")]
    private static partial Regex DigitRun();

    // 1.500.000 or 1,500,000: an amount, not an account.
    [GeneratedRegex(@"^\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*$")]
    private static partial Regex ThousandsGrouped();
}
