using Koperasi.ServiceDefaults.Http;

namespace Koperasi.ServiceDefaults.Tests.Http;

public class TextRulesTests
{
    [Theory]
    [InlineData("Pemilik 3571014101900001 datang", "a NIK")]
    [InlineData("NIK:3571014101900001.", "a NIK")]
    [InlineData("NIK: 3571 0141 0190 0001", "a NIK")]
    [InlineData("NIK 3571.0141.0190.0001", "a NIK")]
    [InlineData("NIK 3571-0141-0190-0001", "a NIK")]
    [InlineData("hp 081234567890", "a phone number")]
    [InlineData("hp 0812-3456-789", "a phone number")]
    [InlineData("wa +62 812 3456 7890", "a phone number")]
    [InlineData("telp 6281234567890", "a phone number")]
    [InlineData("rekening 1234567890", "a bank account number")]
    [InlineData("rek. 123-456-7890-12", "a bank account number")]
    public void Personal_data_is_found_however_the_digits_are_grouped(string text, string kind) =>
        TextRules.FindPersonalData(text).ShouldBe(kind);

    [Theory]
    [InlineData("Omzet Rp 1.500.000.000 per tahun")]
    [InlineData("Rp 25,000,000")]
    [InlineData("RAT 2024-03-15, hadir 40 dari 52 anggota")]
    [InlineData("Keputusan 518/123/BH/XIV.10/2018")]
    [InlineData("RT 03 RW 12 Kel. Thehok 36138")]
    [InlineData("Produksi 40 bungkus per hari")]
    [InlineData("Koperasi Uji a3f21234567890bc")]
    public void Amounts_dates_and_short_numbers_are_not_personal_data(string text) =>
        TextRules.FindPersonalData(text).ShouldBeNull();

    [Fact]
    public void Personal_data_in_free_text_answers_422_naming_the_field_without_the_value()
    {
        var v = new RequestValidation().FreeText("Pemilik 3571014101900001", "findings", 4000);

        var problem = v.ToProblem().ProblemDetails;

        problem.Status.ShouldBe(422);
        problem.Type.ShouldBe("urn:koperasi:problem:personal-data-in-text");
        problem.Extensions["field"].ShouldBe("findings");
        problem.Detail!.ShouldNotContain("3571014101900001");
    }

    [Fact]
    public void A_wrong_shape_next_to_personal_data_answers_400_with_both_fields()
    {
        var v = new RequestValidation().FreeText("hp 081234567890", "notes", 100).Name("", "name", 100);

        var problem = (Microsoft.AspNetCore.Http.HttpValidationProblemDetails)v.ToProblem().ProblemDetails;

        problem.Status.ShouldBe(400);
        problem.Errors.Keys.Order().ShouldBe(["name", "notes"]);
    }

    [Fact]
    public void Codes_may_hold_long_numbers() =>
        new RequestValidation().Code("3571014101900001", "nikKoperasi.number", 50).IsValid.ShouldBeTrue();

    [Theory]
    [InlineData("Koperasi\nMaju")]
    [InlineData("Koperasi\tMaju")]
    [InlineData("Koperasi\u0000Maju")]
    [InlineData("Koperasi\u001bMaju")]
    public void Names_and_codes_refuse_control_characters(string value)
    {
        new RequestValidation().Name(value, "name", 100).IsValid.ShouldBeFalse();
        new RequestValidation().Code(value, "code", 100).IsValid.ShouldBeFalse();
    }

    [Fact]
    public void Free_text_keeps_line_breaks_and_refuses_other_control_characters()
    {
        new RequestValidation().FreeText("Baris satu\r\nBaris dua\tdengan tab", "notes", 100).IsValid.ShouldBeTrue();
        new RequestValidation().FreeText("Baris\u0000satu", "notes", 100).IsValid.ShouldBeFalse();
    }

    [Fact]
    public void Every_text_has_a_maximum_length() =>
        new RequestValidation().FreeText(new string('x', 101), "notes", 100).Errors["notes"].ShouldBe(["At most 100 characters."]);

    [Fact]
    public void An_optional_text_may_be_absent_a_required_one_not()
    {
        new RequestValidation().FreeText(null, "notes", 100, required: false).IsValid.ShouldBeTrue();
        new RequestValidation().FreeText(" ", "notes", 100).Errors["notes"].ShouldBe(["Required."]);
    }
}
