using System.Text;

namespace Koperasi.ServiceDefaults.Http;

/// <summary>Lines of a CSV file (RFC 4180) as a spreadsheet opens it safely.</summary>
public static class CsvText
{
    // Excel, LibreOffice and Google Sheets read a cell that starts with one of these as a formula
    // (or, for tab and carriage return, shift it until it does): a name such as
    // =HYPERLINK("http://…") would run in the officer's spreadsheet. A leading apostrophe makes the
    // spreadsheet show the text as it is (OWASP "CSV injection").
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    private static readonly char[] NeedQuotes = [',', '"', '\r', '\n'];

    /// <summary>One record: the cells joined by commas, each quoted where it must be, ended by CRLF.</summary>
    public static string Line(IEnumerable<string?> cells)
    {
        var line = new StringBuilder();
        foreach (var cell in cells)
        {
            if (line.Length > 0)
            {
                line.Append(',');
            }

            line.Append(Cell(cell));
        }

        return line.Append("\r\n").ToString();
    }

    /// <summary>One field: defused if it would start a formula, in double quotes (inner ones doubled) if it holds a comma, quote or line break.</summary>
    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var text = FormulaStarts.Contains(value[0]) ? "'" + value : value;
        return text.IndexOfAny(NeedQuotes) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
