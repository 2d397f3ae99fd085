using Koperasi.ServiceDefaults.Http;

namespace Koperasi.Funding.Tests.Export;

public class CsvTextTests
{
    [Theory]
    [InlineData("Siti Rahmawati", "Siti Rahmawati")]
    [InlineData("Rahmawati, Siti", "\"Rahmawati, Siti\"")]
    [InlineData("Siti \"Ayu\" Rahma", "\"Siti \"\"Ayu\"\" Rahma\"")]
    [InlineData("baris satu\nbaris dua", "\"baris satu\nbaris dua\"")]
    [InlineData("baris satu\r\nbaris dua", "\"baris satu\r\nbaris dua\"")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void A_cell_is_quoted_only_when_it_holds_a_comma_a_quote_or_a_line_break(string? value, string expected) =>
        CsvText.Cell(value).ShouldBe(expected);

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+62 812", "'+62 812")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1:A9)", "'@SUM(A1:A9)")]
    [InlineData("\tSiti", "'\tSiti")]
    [InlineData("=HYPERLINK(\"http://contoh.test\",\"klik\")", "\"'=HYPERLINK(\"\"http://contoh.test\"\",\"\"klik\"\")\"")]
    [InlineData("Siti = Ayu", "Siti = Ayu")]
    public void A_cell_that_would_start_a_formula_gets_a_leading_apostrophe(string value, string expected) =>
        CsvText.Cell(value).ShouldBe(expected);

    [Fact]
    public void A_line_joins_its_cells_with_commas_and_ends_with_CRLF() =>
        CsvText.Line(["a", null, "b,c", "=d"]).ShouldBe("a,,\"b,c\",'=d\r\n");

    [Fact]
    public void A_line_reads_back_as_its_cells()
    {
        string[] cells = ["Rahmawati, \"Siti\"", "dua\r\nbaris", "", "biasa"];
        CsvFile.Parse(CsvText.Line(cells) + CsvText.Line(["x"])).ShouldBe([cells, ["x"]]);
    }
}
