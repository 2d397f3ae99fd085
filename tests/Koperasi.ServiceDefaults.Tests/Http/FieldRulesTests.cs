using Koperasi.ServiceDefaults.Http;

namespace Koperasi.ServiceDefaults.Tests.Http;

/// <summary>The one vocabulary of field checks: blank optional values are absent, every refusal names its field and repeats no value.</summary>
public class FieldRulesTests
{
    private static readonly DateOnly Today = new(2026, 10, 15);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t \r\n")]
    public void A_blank_optional_value_is_absent_for_every_kind_of_field(string? blank)
    {
        var v = new RequestValidation()
            .FreeText(blank, "notes", 100, required: false)
            .Name(blank, "village", 100, required: false)
            .Code(blank, "reference", 100, required: false)
            .KebabCode(blank, "category", required: false)
            .Phone(blank, "phone")
            .Nib(blank, "nib")
            .PostalCode(blank, "postalCode")
            .Email(blank, "email");
        var regency = v.Regency(blank, "regency", required: false);
        var status = KebabEnum.Parse<DayOfWeek>(blank, "status", v);

        v.IsValid.ShouldBeTrue(string.Join(" ", v.Errors.Keys));
        (regency, status, FieldRules.Present(blank)).ShouldBe((null, null, null));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t \r\n")]
    public void A_blank_required_value_is_refused_naming_its_field(string? blank)
    {
        var v = new RequestValidation().FreeText(blank, "reason", 100).Name(blank, "name", 100).Code(blank, "number", 100).KebabCode(blank, "category");
        v.Regency(blank, "address.regencyCode");

        v.Errors.Keys.Order().ShouldBe(["address.regencyCode", "category", "name", "number", "reason"]);
        v.Errors["reason"].ShouldBe(["Required."]);
    }

    [Fact]
    public void A_present_optional_value_is_stored_trimmed() =>
        FieldRules.Present("  Desa Maju  ").ShouldBe("Desa Maju");

    [Fact]
    public void Whitespace_around_a_value_does_not_make_it_invalid()
    {
        var v = new RequestValidation().Phone(" +6281234 ", "phone").Nib(" 1234567890123 ", "nib").PostalCode(" 36138 ", "postalCode")
            .KebabCode(" mak-mak ", "category").Email(" a@b.id ", "email");
        var regency = v.Regency(" 15.06 ", "regency");

        v.IsValid.ShouldBeTrue(string.Join(" ", v.Errors.Keys));
        regency.ShouldBe("1507");
    }

    [Fact]
    public void Too_long_text_is_refused_naming_the_field_and_the_limit()
    {
        var v = new RequestValidation().Name(new string('x', 101), "name", 100, required: false).KebabCode(new string('a', 51), "category");

        v.Errors["name"].ShouldBe(["At most 100 characters."]);
        v.Errors["category"].ShouldHaveSingleItem().ShouldContain("at most 50 characters");
    }

    [Theory]
    [InlineData("3571014101900001")]
    [InlineData("Kota Jambi 081234567890")]
    public void An_unknown_regency_is_refused_without_repeating_what_was_sent(string sent)
    {
        var v = new RequestValidation();

        v.Regency(sent, "address.regencyCode").ShouldBeNull();

        var message = v.Errors["address.regencyCode"].ShouldHaveSingleItem();
        message.ShouldNotContain(sent);
        message.ShouldContain("1571");
    }

    [Fact]
    public void An_unknown_enum_value_is_refused_with_the_allowed_values_and_not_the_value_sent()
    {
        var v = new RequestValidation();

        KebabEnum.Parse<DayOfWeek>("3571014101900001", "status", v).ShouldBeNull();

        var message = v.Errors["status"].ShouldHaveSingleItem();
        message.ShouldNotContain("3571014101900001");
        message.ShouldContain("monday");
    }

    [Theory]
    [InlineData("0812", "phone")]
    [InlineData("12345678901234", "nib")]
    [InlineData("3613", "postalCode")]
    [InlineData("a@b", "email")]
    [InlineData("Mak Mak", "category")]
    public void A_malformed_value_is_refused_naming_its_field(string value, string field)
    {
        var v = new RequestValidation().Phone(field == "phone" ? value : null, "phone").Nib(field == "nib" ? value : null, "nib")
            .PostalCode(field == "postalCode" ? value : null, "postalCode").Email(field == "email" ? value : null, "email")
            .KebabCode(field == "category" ? value : null, "category", required: false);

        v.Errors.Keys.ShouldBe([field]);
        v.Errors[field].ShouldHaveSingleItem().ShouldNotContain(value);
    }

    [Fact]
    public void Dates_are_refused_before_the_earliest_day_and_after_the_latest()
    {
        var v = new RequestValidation()
            .Date(new DateOnly(1944, 12, 31), "decreeDate", FieldRules.EarliestCooperativeDate)
            .Date(Today.AddDays(1), "heldOn", FieldRules.EarliestCooperativeDate, latest: Today)
            .Date(Today, "date", FieldRules.EarliestCooperativeDate, latest: Today)
            .OptionalDate(null, "proposedOn", FieldRules.EarliestCooperativeDate, latest: Today)
            .OptionalDate(Today.AddDays(1), "asOf", DateOnly.MinValue, latest: Today);

        v.Errors.Keys.Order().ShouldBe(["asOf", "decreeDate", "heldOn"]);
        v.Errors["decreeDate"].ShouldBe(["A date on or after 1945-01-01."]);
        v.Errors["heldOn"].ShouldBe(["A date not after 2026-10-15."]);
    }

    [Fact]
    public void A_period_ends_on_or_after_the_day_it_starts()
    {
        new RequestValidation().DateRange(Today, Today, "window").IsValid.ShouldBeTrue();
        new RequestValidation().DateRange(Today, Today.AddDays(-1), "window").Errors.Keys.ShouldBe(["window"]);
    }

    [Fact]
    public void Years_counts_pages_and_lists_are_refused_out_of_their_range_naming_the_field()
    {
        var v = new RequestValidation()
            .Year(1944, "financialYear", 1945, 9999)
            .Year(null, "year", 2000, 2999)
            .Count(0, "memberCount", 1)
            .Count(-1, "votesFor")
            .OptionalCount(null, "limit", 1, 100)
            .NotNegative(-0.01m, "assets")
            .NotNegative(null, "businessVolume")
            .Page(0, 201, 200)
            .Items(new int[51], "board", 50)
            .Items(Array.Empty<int>(), "categories", 50, min: 1);

        v.Errors.Keys.Order().ShouldBe(["assets", "board", "categories", "financialYear", "memberCount", "page", "pageSize", "votesFor"]);
        v.Errors["pageSize"].ShouldBe(["Between 1 and 200."]);
        v.Errors["memberCount"].ShouldBe(["At least 1."]);
    }

    [Fact]
    public void Ids_must_be_given_and_each_refusal_names_its_index()
    {
        var v = new RequestValidation().Id(Guid.Empty, "survivorId").Ids([Guid.NewGuid(), Guid.Empty], "absorbedIds", 50).Ids([.. Enumerable.Repeat(Guid.NewGuid(), 3)], "participantIds", 2);

        v.Errors.Keys.Order().ShouldBe(["absorbedIds[1]", "participantIds", "survivorId"]);
    }

    [Fact]
    public void Tidy_makes_inner_runs_of_white_space_one_space() =>
        FieldRules.Tidy("  Ibu \t Siti\n Aminah ").ShouldBe("Ibu Siti Aminah");
}
