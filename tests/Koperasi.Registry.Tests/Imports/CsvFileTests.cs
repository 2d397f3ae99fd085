using System.Text;
using System.Text.Json;
using Koperasi.Registry.Activity;
using Koperasi.Registry.Cooperatives;
using Koperasi.Registry.Imports;
using Koperasi.ServiceDefaults.Http;

namespace Koperasi.Registry.Tests.Imports;

/// <summary>The shape of an uploaded file, without a database.</summary>
public class CsvFileTests
{
    private static IDictionary<string, string[]> ErrorsOf(string text)
    {
        var errors = new RequestValidation();
        CsvFile.Check(text, errors).ShouldBeNull();
        return errors.Errors;
    }

    private static string Json(object value) => JsonSerializer.Serialize(value);

    [Fact]
    public void The_sample_file_is_well_formed_and_every_row_passes_the_registration_rules()
    {
        var sample = ImportFiles.Sample();
        var errors = new RequestValidation();

        var shape = CsvFile.Check(sample, errors);

        errors.IsValid.ShouldBeTrue();
        shape.ShouldNotBeNull().Rows.ShouldBe(15);
        var today = new DateOnly(2026, 11, 22);
        foreach (var row in CsvFile.Rows(sample).Select(RegisterCsv.Parse))
        {
            row.Errors.ShouldBeEmpty($"row {row.Row}: {string.Join("; ", row.Errors.Select(e => $"{e.Column}: {e.Reason}"))}");
            var decision = Cooperative.Register(Register.ToCommand(row.Request!, Guid.NewGuid()), today, new ActivityPolicy());
            decision.Error.ShouldBeNull($"row {row.Row}: {decision.Error?.Detail}");
        }
    }

    [Fact]
    public void A_semicolon_separated_file_with_a_byte_order_mark_reads_like_a_comma_separated_one()
    {
        var token = ImportFiles.NewToken();
        var comma = ImportFiles.Valid(token, 2);
        var semicolon = comma.Replace(',', ';');
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(semicolon)];

        CsvFile.TryDecode(bytes, out var text).ShouldBeTrue();
        var errors = new RequestValidation();
        CsvFile.Check(text, errors).ShouldNotBeNull().Delimiter.ShouldBe(';');
        errors.IsValid.ShouldBeTrue();

        var fromSemicolon = CsvFile.Rows(text).Select(RegisterCsv.Parse).ToList();
        var fromComma = CsvFile.Rows(comma).Select(RegisterCsv.Parse).ToList();
        fromSemicolon.ShouldAllBe(r => r.Request != null);
        Json(fromSemicolon).ShouldBe(Json(fromComma));
    }

    [Fact]
    public void Quoted_values_may_hold_the_delimiter_quotes_and_line_breaks_and_rows_are_numbered_as_in_a_spreadsheet()
    {
        var token = ImportFiles.NewToken();
        var quoted = ImportFiles.Row(token, 2, new() { ["business_field"] = "\"Toko, kantin dan \"\"warung\"\"\nbersama\"" });
        var text = ImportFiles.File(ImportFiles.Row(token, 1), quoted, "", ImportFiles.Row(token, 3));

        var errors = new RequestValidation();
        CsvFile.Check(text, errors).ShouldNotBeNull().Rows.ShouldBe(3);

        var rows = CsvFile.Rows(text).Select(RegisterCsv.Parse).ToList();
        rows.Select(r => r.Row).ShouldBe([2, 3, 5]);
        rows[1].Request!.BusinessField.ShouldBe("Toko, kantin dan \"warung\"\nbersama");
    }

    [Fact]
    public void A_missing_required_column_is_named()
    {
        var text = ImportFiles.Valid(ImportFiles.NewToken(), 1).Replace("decree_number,", "nomor,", StringComparison.Ordinal);

        var errors = ErrorsOf(text);

        errors.Keys.ShouldContain("decree_number");
        errors.Keys.ShouldContain("nomor");
        errors["nomor"].Single().ShouldStartWith("Unknown column.");
    }

    [Fact]
    public void A_column_twice_in_the_header_is_named()
    {
        var text = "name,form,name\nA,primer,B\n";

        ErrorsOf(text)["name"].ShouldContain("The column appears twice in the header.");
    }

    [Fact]
    public void A_row_with_another_number_of_fields_than_the_header_is_named_by_its_spreadsheet_row()
    {
        var token = ImportFiles.NewToken();
        var text = ImportFiles.File(ImportFiles.Row(token, 1), ImportFiles.Row(token, 2) + ",extra", ImportFiles.Row(token, 3));

        var errors = ErrorsOf(text);

        errors.Keys.ShouldBe(["row 3"]);
        var columns = RegisterCsv.Columns.Count;
        errors["row 3"].Single().ShouldContain($"Has {columns + 1} fields; the header has {columns}.");
    }

    [Theory]
    [InlineData("never closed", "\"Koperasi tanpa penutup")]
    [InlineData("quote inside an unquoted value", "Koperasi 5\"A")]
    public void An_unbalanced_quote_is_named_by_its_row(string @case, string name)
    {
        var token = ImportFiles.NewToken();
        var text = ImportFiles.File(ImportFiles.Row(token, 1), ImportFiles.Row(token, 2, new() { ["name"] = name }), ImportFiles.Row(token, 3));

        var errors = ErrorsOf(text);

        errors.Keys.ShouldBe(["row 3"], @case);
        errors["row 3"].Single().ShouldStartWith("A quote is not balanced", Case.Sensitive, @case);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n\n")]
    public void An_empty_file_is_refused(string text) =>
        ErrorsOf(text)["file"].ShouldBe(["The file is empty."]);

    [Fact]
    public void A_header_without_rows_is_refused() =>
        ErrorsOf(ImportFiles.File())["file"].ShouldBe(["The file has a header but no rows to import."]);

    [Fact]
    public void Only_the_first_broken_rows_are_listed()
    {
        var token = ImportFiles.NewToken();
        var text = ImportFiles.File(Enumerable.Range(1, 30).Select(i => ImportFiles.Row(token, i) + ",extra"));

        var errors = ErrorsOf(text);

        errors.Keys.Count(k => k.StartsWith("row ", StringComparison.Ordinal)).ShouldBe(CsvFile.MaxShapeErrors);
        errors["file"].Single().ShouldStartWith("Only the first 20 broken rows are listed");
    }

    [Fact]
    public void Text_in_another_encoding_than_utf8_is_recognized()
    {
        var latin1 = Encoding.Latin1.GetBytes("name\nKoperasi Ésa\n");

        CsvFile.TryDecode(latin1, out _).ShouldBeFalse();
        CsvFile.TryDecode("name\nKoperasi Ésa\n"u8, out var text).ShouldBeTrue();
        text.ShouldContain("Ésa");
    }
}
