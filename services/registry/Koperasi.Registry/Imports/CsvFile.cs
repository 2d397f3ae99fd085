using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Koperasi.ServiceDefaults.Http;

namespace Koperasi.Registry.Imports;

/// <summary>One data row of a CSV file; <see cref="Number"/> is the spreadsheet row (the header is row 1).</summary>
public sealed record CsvRow(int Number, IReadOnlyList<string> Header, IReadOnlyList<string> Fields);

/// <summary>
/// The shape of an uploaded register: UTF-8 text, a header naming known columns, one record per
/// row with as many fields as the header, balanced quotes. Comma or semicolon separated (Indonesian
/// spreadsheets often export with a semicolon).
/// </summary>
public static class CsvFile
{
    /// <summary>What a well-formed file holds.</summary>
    public sealed record Shape(char Delimiter, IReadOnlyList<string> Header, int Rows);

    /// <summary>Shape errors listed before the rest of the file is left unchecked.</summary>
    public const int MaxShapeErrors = 20;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes UTF-8 (with or without a byte-order mark); false for any other encoding.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, out string text)
    {
        ReadOnlySpan<byte> bom = [0xEF, 0xBB, 0xBF];
        try
        {
            text = StrictUtf8.GetString(bytes.StartsWith(bom) ? bytes[bom.Length..] : bytes);
            // A NUL never occurs in a spreadsheet's text: the upload is a binary file (an .xlsx, say).
            return !text.Contains('\0', StringComparison.Ordinal);
        }
        catch (DecoderFallbackException)
        {
            text = "";
            return false;
        }
    }

    /// <summary>Checks the file's shape; the errors name the column or the row ("row 7").</summary>
    public static Shape? Check(string text, RequestValidation errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add("file", "The file is empty.");
            return null;
        }

        var delimiter = DetectDelimiter(text);
        string[]? header = null;
        var rows = 0;
        var errorCount = 0;
        foreach (var record in Records(text, delimiter))
        {
            if (record.BadQuote)
            {
                errors.Add(RowKey(record.Number), "A quote is not balanced: a quoted value is never closed, or a quote stands inside a value that is not quoted. Quote the whole value and double the quotes inside it.");
                return null;
            }

            if (header is null)
            {
                header = Normalize(record.Fields);
                if (!CheckHeader(header, errors))
                {
                    return null;
                }
            }
            else if (!IsBlank(record.Fields))
            {
                rows++;
                if (record.Fields.Length != header.Length)
                {
                    errors.Add(RowKey(record.Number), $"Has {record.Fields.Length} fields; the header has {header.Length}. A value containing the delimiter '{delimiter}' must be quoted.");
                    if (++errorCount == MaxShapeErrors)
                    {
                        errors.Add("file", $"Only the first {MaxShapeErrors} broken rows are listed; the rest of the file was not checked.");
                        return null;
                    }
                }
            }
        }

        if (errorCount > 0)
        {
            return null;
        }

        if (rows == 0)
        {
            errors.Add("file", "The file has a header but no rows to import.");
            return null;
        }

        return new Shape(delimiter, header!, rows);
    }

    /// <summary>The data rows of a file whose shape was checked; blank rows are skipped.</summary>
    public static IEnumerable<CsvRow> Rows(string text)
    {
        string[]? header = null;
        foreach (var record in Records(text, DetectDelimiter(text)))
        {
            if (record.BadQuote)
            {
                yield break;
            }

            if (header is null)
            {
                header = Normalize(record.Fields);
            }
            else if (!IsBlank(record.Fields))
            {
                yield return new CsvRow(record.Number, header, record.Fields);
            }
        }
    }

    /// <summary>The key a problem uses for a row, as the officer sees it in a spreadsheet.</summary>
    public static string RowKey(int row) => string.Create(CultureInfo.InvariantCulture, $"row {row}");

    private static bool CheckHeader(string[] header, RequestValidation errors)
    {
        var known = RegisterCsv.Columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++)
        {
            if (header[i].Length == 0)
            {
                errors.Add(RowKey(1), string.Create(CultureInfo.InvariantCulture, $"Column {i + 1} of the header has no name."));
            }
            else if (!known.ContainsKey(header[i]))
            {
                errors.Add(header[i], $"Unknown column. The columns are: {string.Join(", ", RegisterCsv.Columns.Select(c => c.Name))}.");
            }
            else if (Array.IndexOf(header, header[i]) < i)
            {
                errors.Add(header[i], "The column appears twice in the header.");
            }
        }

        foreach (var missing in RegisterCsv.Columns.Where(c => c.Required && !header.Contains(c.Name)))
        {
            errors.Add(missing.Name, "Required column missing from the header.");
        }

        return errors.IsValid;
    }

    private static IEnumerable<(int Number, string[] Fields, bool BadQuote)> Records(string text, char delimiter)
    {
        var badQuote = false;
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter.ToString(),
            // Blank lines still count, so row numbers match what a spreadsheet shows.
            IgnoreBlankLines = false,
            BadDataFound = _ => badQuote = true,
            ExceptionMessagesContainRawData = false,
        };
        using var parser = new CsvParser(new StringReader(text), configuration);
        var number = 0;
        while (parser.Read())
        {
            number++;
            // The parser processes a record's fields (and finds bad quotes) when they are read.
            var fields = parser.Record ?? [];
            if (badQuote)
            {
                yield return (number, [], true);
                yield break;
            }

            yield return (number, fields, false);
        }

        if (badQuote)
        {
            // The parser reached the end inside a quoted value opened in the next record.
            yield return (number + 1, [], true);
        }
    }

    private static char DetectDelimiter(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        var firstLine = end < 0 ? text : text[..end];
        return firstLine.Count(c => c == ';') > firstLine.Count(c => c == ',') ? ';' : ',';
    }

    // Excel's "CSV UTF-8" starts with a byte-order mark; it is not part of the first column's name.
    private static string[] Normalize(string[] header) => [.. header.Select(h => h.Trim().TrimStart('\uFEFF').Trim().ToLowerInvariant())];

    private static bool IsBlank(string[] fields) => fields.All(string.IsNullOrWhiteSpace);
}
