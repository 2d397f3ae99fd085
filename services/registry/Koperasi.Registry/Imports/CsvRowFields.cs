using System.Globalization;
using Koperasi.ServiceDefaults.Http;

namespace Koperasi.Registry.Imports;

/// <summary>The values of one row by column name, collecting what cannot be read.</summary>
internal sealed class CsvRowFields(CsvRow row)
{
    private static readonly string[] TrueWords = ["true", "ya", "yes", "y", "1"];
    private static readonly string[] FalseWords = ["false", "tidak", "no", "n", "0"];

    public List<ImportRowError> Errors { get; } = [];

    public void Fail(string? column, params IEnumerable<string> reasons) =>
        Errors.AddRange(reasons.Select(reason => new ImportRowError(row.Number, column, null, reason)));

    /// <summary>The trimmed value; null when the column is absent or the cell empty.</summary>
    public string? Text(string column)
    {
        for (var i = 0; i < row.Header.Count; i++)
        {
            if (row.Header[i] == column && i < row.Fields.Count)
            {
                var value = row.Fields[i].Trim();
                return value.Length == 0 ? null : value;
            }
        }

        return null;
    }

    public string Required(string column)
    {
        var value = Text(column);
        if (value is null)
        {
            Fail(column, "Required.");
        }

        return value ?? "";
    }

    public bool AnyOf(string[] columns) => columns.Any(c => Text(c) is not null);

    public int? Int(string column, bool required) => Read<int>(column, required, "a whole number such as 25",
        text => int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null);

    public DateOnly? Date(string column, bool required) => Read<DateOnly>(column, required, "a date written yyyy-MM-dd, such as 2015-03-12",
        text => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? value : null);

    public T? Enum<T>(string column, bool required) where T : struct, Enum => Read(column, required,
        $"one of: {string.Join(", ", System.Enum.GetValues<T>().Select(KebabEnum.Name))}",
        text => System.Enum.GetValues<T>().Select(member => (T?)member).FirstOrDefault(member => string.Equals(KebabEnum.Name(member!.Value), text, StringComparison.OrdinalIgnoreCase)));

    public bool Bool(string column)
    {
        var text = Text(column);
        if (text is null || FalseWords.Contains(text, StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }

        if (TrueWords.Contains(text, StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        Fail(column, $"{Quoted(text)} is not a yes or no: write true or false ('ya' or 'tidak' are read too).");
        return false;
    }

    private T? Read<T>(string column, bool required, string expected, Func<string, T?> parse) where T : struct
    {
        var text = Text(column);
        if (text is null)
        {
            if (required)
            {
                Fail(column, "Required.");
            }

            return null;
        }

        var value = parse(text);
        if (value is null)
        {
            Fail(column, $"{Quoted(text)} is not {expected}.");
        }

        return value;
    }

    // The reason is stored on the job: a runaway cell is cut short there.
    private static string Quoted(string text) => text.Length <= 40 ? $"'{text}'" : $"'{text[..40]}…'";
}
