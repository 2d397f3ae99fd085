using System.Text.Json;

namespace Koperasi.ServiceDefaults.Http;

/// <summary>Reads enum values written as in the JSON bodies ("simpan-pinjam", "tidak-aktif") from query strings.</summary>
public static class KebabEnum
{
    /// <summary>The kebab-case name of a value.</summary>
    public static string Name<T>(T value) where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    /// <summary>
    /// Parses an optional value (blank is absent: null); records an error naming the field and the
    /// allowed values, not the value sent, if it is unknown.
    /// </summary>
    public static T? Parse<T>(string? input, string field, RequestValidation validation) where T : struct, Enum
    {
        if (FieldRules.IsBlank(input))
        {
            return null;
        }

        foreach (var value in Enum.GetValues<T>())
        {
            if (string.Equals(Name(value), input!.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        validation.Add(field, $"Unknown value; one of: {string.Join(", ", Enum.GetValues<T>().Select(Name))}.");
        return null;
    }
}
