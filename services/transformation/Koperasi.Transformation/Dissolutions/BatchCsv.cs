using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Regions;

namespace Koperasi.Transformation.Dissolutions;

/// <summary>An error in one row of an answers file; <see cref="Row"/> is the spreadsheet row (the header is row 1).</summary>
public sealed record AnswerRowError(int Row, string? Column, string Reason);

/// <summary>The answers read from a file, or why the file cannot be read: the file is taken whole or not at all.</summary>
public sealed record AnswersFile(IReadOnlyList<MinistryAnswer> Answers, IReadOnlyList<AnswerRowError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// A batch as a file for Excel (the ministry often works by letter), and the ministry's answers read
/// back from a file: the exported file with its answer columns filled in, or any file with the answer
/// columns. UTF-8 (Excel's "CSV UTF-8" byte-order mark welcome), comma or semicolon separated; errors
/// name the row as the spreadsheet shows it, as the register import does.
/// </summary>
public static class BatchCsv
{
    public const int MaxErrors = 50;

    /// <summary>The columns of an exported batch; the last five are the ministry's to fill in.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "case_id", "cooperative_id", "name", "regency_code", "regency", "grounds", "village_letter_number", "village_letter_date", "desa", "announced_on",
        "answer", "decree_number", "decree_date", "reason", "documents",
    ];

    private static readonly string[] RequiredColumns = ["cooperative_id", "answer"];
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"];

    /// <summary>Separates the documents asked for within one cell.</summary>
    public const char DocumentSeparator = '|';

    private static readonly UTF8Encoding Utf8WithMark = new(encoderShouldEmitUTF8Identifier: true);
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The batch as CSV bytes (UTF-8 with a byte-order mark, so Excel reads the names right), one row per proposal.</summary>
    public static byte[] Export(DissolutionBatch batch, IReadOnlyDictionary<Guid, DissolutionCase> casesById)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\r\n" }))
        {
            foreach (var column in Columns)
            {
                csv.WriteField(column);
            }

            csv.NextRecord();
            foreach (var proposal in batch.Proposals)
            {
                var c = casesById.GetValueOrDefault(proposal.CaseId);
                var answer = batch.Answers.GetValueOrDefault(proposal.CooperativeId);
                string[] fields =
                [
                    proposal.CaseId.ToString(), proposal.CooperativeId.ToString(), proposal.Name, proposal.RegencyCode, Regencies.NameOf(proposal.RegencyCode),
                    string.Join(DocumentSeparator, c?.Grounds.Select(g => $"{KebabEnum.Name(g.Kind)}: {g.Evidence}") ?? []),
                    c?.VillageLetter?.Number ?? "", Date(c?.VillageLetter?.Date), c?.VillageLetter?.Desa ?? "", Date(c?.AnnouncedOn),
                    answer is null ? "" : KebabEnum.Name(answer.Kind), answer?.DecreeNumber ?? "", Date(answer?.DecreeDate), answer?.Reason ?? "",
                    string.Join(DocumentSeparator, answer?.Documents ?? []),
                ];
                foreach (var field in fields)
                {
                    csv.WriteField(field);
                }

                csv.NextRecord();
            }
        }

        return [.. Utf8WithMark.GetPreamble(), .. Utf8WithMark.GetBytes(text.ToString())];
    }

    /// <summary>
    /// Reads the answers of a file. A row without an answer is a koperasi not answered yet and is skipped;
    /// every other row is a whole answer, or an error naming its row and column.
    /// </summary>
    public static AnswersFile ReadAnswers(ReadOnlySpan<byte> bytes)
    {
        var errors = new List<AnswerRowError>();
        if (!TryDecode(bytes, out var text))
        {
            return Refused(new AnswerRowError(0, null, "The file is not UTF-8 text. Save it from Excel as \"CSV UTF-8\"."));
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return Refused(new AnswerRowError(0, null, "The file is empty."));
        }

        string[]? header = null;
        var answers = new List<MinistryAnswer>();
        var rowOf = new Dictionary<Guid, int>();
        foreach (var (number, fields, badQuote) in Records(text))
        {
            if (badQuote)
            {
                return Refused(new AnswerRowError(number, null, "A quote is not balanced: quote the whole value and double the quotes inside it."));
            }

            if (header is null)
            {
                header = [.. fields.Select(h => h.Trim().TrimStart('\uFEFF').Trim().ToLowerInvariant())];
                if (CheckHeader(header) is { Count: > 0 } headerErrors)
                {
                    return new AnswersFile([], headerErrors);
                }

                continue;
            }

            if (fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (fields.Length != header.Length)
            {
                errors.Add(new AnswerRowError(number, null, $"Has {fields.Length} fields; the header has {header.Length}. A value containing the delimiter must be quoted."));
            }
            else if (ReadRow(number, header, fields, errors) is { } answer)
            {
                if (rowOf.TryGetValue(answer.CooperativeId, out var earlier))
                {
                    errors.Add(new AnswerRowError(number, "cooperative_id", $"The koperasi is answered in row {earlier} already; give one answer per koperasi."));
                }
                else
                {
                    rowOf[answer.CooperativeId] = number;
                    answers.Add(answer);
                }
            }

            if (errors.Count >= MaxErrors)
            {
                errors.Add(new AnswerRowError(number, null, $"Only the first {MaxErrors} errors are listed; the rest of the file was not checked."));
                break;
            }
        }

        if (header is null)
        {
            return Refused(new AnswerRowError(0, null, "The file is empty."));
        }

        return errors.Count > 0 ? new AnswersFile([], errors) : new AnswersFile(answers, []);
    }

    private static AnswersFile Refused(AnswerRowError error) => new([], [error]);

    private static List<AnswerRowError> CheckHeader(string[] header)
    {
        var errors = new List<AnswerRowError>();
        for (var i = 0; i < header.Length; i++)
        {
            if (header[i].Length == 0)
            {
                errors.Add(new AnswerRowError(1, null, string.Create(CultureInfo.InvariantCulture, $"Column {i + 1} of the header has no name.")));
            }
            else if (!Columns.Contains(header[i]))
            {
                errors.Add(new AnswerRowError(1, header[i], $"Unknown column. The columns are: {string.Join(", ", Columns)}."));
            }
            else if (Array.IndexOf(header, header[i]) < i)
            {
                errors.Add(new AnswerRowError(1, header[i], "The column appears twice in the header."));
            }
        }

        errors.AddRange(RequiredColumns.Where(c => !header.Contains(c)).Select(c => new AnswerRowError(1, c, "Required column missing from the header.")));
        return errors;
    }

    private static MinistryAnswer? ReadRow(int number, string[] header, string[] fields, List<AnswerRowError> errors)
    {
        string? Cell(string column) => Array.IndexOf(header, column) is var i and >= 0 && fields[i].Trim() is { Length: > 0 } value ? value : null;

        var before = errors.Count;
        void Fail(string column, string reason) => errors.Add(new AnswerRowError(number, column, reason));

        if (Cell("answer") is not { } answerText)
        {
            return null;
        }

        if (!Guid.TryParse(Cell("cooperative_id"), out var cooperativeId))
        {
            Fail("cooperative_id", "Required: the koperasi's id as exported.");
        }

        var kind = KebabEnum.Parse<MinistryAnswerKind>(answerText, "answer", new RequestValidation());
        if (kind is null)
        {
            Fail("answer", $"One of: {string.Join(", ", Enum.GetValues<MinistryAnswerKind>().Select(KebabEnum.Name))}.");
        }

        DateOnly? decreeDate = null;
        if (Cell("decree_date") is { } dateText)
        {
            if (DateOnly.TryParseExact(dateText, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                decreeDate = date;
            }
            else
            {
                Fail("decree_date", "A date such as 2026-01-15 or 15/01/2026.");
            }
        }

        IReadOnlyList<string> documents = [.. (Cell("documents") ?? "").Split(DocumentSeparator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
        if (errors.Count > before)
        {
            return null;
        }

        var answer = new MinistryAnswer(cooperativeId, kind!.Value, Cell("decree_number"), decreeDate, Cell("reason"), documents);
        if (answer.Incomplete() is { } incomplete)
        {
            var column = incomplete.Field switch
            {
                "decreeNumber" when answer.DecreeNumber is null => "decree_number",
                "decreeNumber" => "decree_date",
                "reason" => "reason",
                _ => "documents",
            };
            Fail(column, incomplete.Detail);
            return null;
        }

        return answer;
    }

    private static bool TryDecode(ReadOnlySpan<byte> bytes, out string text)
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

    private static IEnumerable<(int Number, string[] Fields, bool BadQuote)> Records(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        var firstLine = end < 0 ? text : text[..end];
        var badQuote = false;
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = firstLine.Count(c => c == ';') > firstLine.Count(c => c == ',') ? ";" : ",",
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
            yield return (number + 1, [], true);
        }
    }

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
