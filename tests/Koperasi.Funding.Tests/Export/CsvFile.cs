using System.Net;
using System.Text;

namespace Koperasi.Funding.Tests.Export;

/// <summary>An exported file as a spreadsheet reads it: the raw text and its records (RFC 4180).</summary>
public sealed record CsvFile(HttpResponseMessage Response, byte[] Bytes, string Text, IReadOnlyList<string[]> Records)
{
    public IReadOnlyList<string[]> Rows => [.. Records.Skip(1)];

    /// <summary>The row of one application, by the id in its first column.</summary>
    public string[] RowOf(string applicationId) => Rows.Single(r => r[0] == applicationId);

    public static async Task<CsvFile> GetAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync(new Uri($"/api/funding/applications/export?{query}", UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, Encoding.UTF8.GetString(bytes));
        var text = new UTF8Encoding(false).GetString(bytes);
        return new CsvFile(response, bytes, text, Parse(text.TrimStart('\uFEFF')));
    }

    /// <summary>Records of RFC 4180 text: fields split by commas, quoted fields with doubled quotes and line breaks, records ended by CRLF.</summary>
    public static IReadOnlyList<string[]> Parse(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"' && field.Length == 0)
            {
                i++;
                while (!(text[i] == '"' && (i + 1 == text.Length || text[i + 1] != '"')))
                {
                    field.Append(text[i]);
                    i += text[i] == '"' ? 2 : 1;
                }

                i++;
                continue;
            }

            if (text[i] == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
                i++;
            }
            else if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                records.Add([.. fields]);
                fields.Clear();
                i += 2;
            }
            else
            {
                text[i].ShouldNotBe('"', "a quote inside an unquoted field");
                text[i].ShouldNotBe('\n', "a bare line break outside quotes");
                field.Append(text[i]);
                i++;
            }
        }

        (fields.Count, field.Length).ShouldBe((0, 0), "the last record ends with CRLF");
        return records;
    }
}
