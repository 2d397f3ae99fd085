using Koperasi.Funding.Applications;
using static Koperasi.Funding.Tests.Domain.Given;

namespace Koperasi.Funding.Tests.Domain;

public class NikStructureTests
{
    [Fact]
    public void A_man_s_NIK_gives_the_day_month_and_sex_of_birth()
    {
        var parts = NikStructure.Read(NikOf(D(1988, 11, 5), Sex.Male), out var problem);
        problem.ShouldBeNull();
        parts.ShouldBe(new NikStructure.Parts(5, 11, Sex.Male));
    }

    [Fact]
    public void A_woman_s_NIK_has_40_added_to_the_day()
    {
        var nik = NikOf(D(1990, 7, 15), Sex.Female);
        nik.Substring(6, 2).ShouldBe("55");
        NikStructure.Read(nik, out _).ShouldBe(new NikStructure.Parts(15, 7, Sex.Female));
    }

    [Theory]
    [InlineData("150101550790001", "16 digits")]
    [InlineData("15010155079000012", "16 digits")]
    [InlineData("15010155079O0001", "16 digits")]
    [InlineData("0901015507900001", "province")]
    [InlineData("1500015507900001", "regency and kecamatan")]
    [InlineData("1501005507900001", "regency and kecamatan")]
    [InlineData("1501010007900001", "day of birth")]
    [InlineData("1501013207900001", "day of birth")]
    [InlineData("1501017207900001", "day of birth")]
    [InlineData("1501011513900001", "month of birth")]
    [InlineData("1501011500900001", "month of birth")]
    [InlineData("1501011507900000", "serial")]
    public void A_malformed_NIK_is_refused_without_repeating_it(string nik, string complaint)
    {
        NikStructure.Read(nik, out var problem).ShouldBeNull();
        problem.ShouldNotBeNull().ShouldContain(complaint);
        problem.ShouldNotContain(nik);
    }

    [Theory]
    [InlineData("1501013102900001", "day 31 of month 2")]
    [InlineData("1501017102900001", "day 31 of month 2")]
    [InlineData("1501013002900001", "day 30 of month 2")]
    [InlineData("1501012902900001", "day 29 of month 2 of a year ending 90")]
    [InlineData("1501013104900001", "day 31 of month 4")]
    [InlineData("1501013111900001", "day 31 of month 11")]
    public void A_NIK_encoding_a_date_that_does_not_exist_is_an_invalid_NIK(string nik, string complaint)
    {
        NikStructure.Read(nik, out var problem).ShouldBeNull();
        problem.ShouldNotBeNull().ShouldContain(complaint);
        problem.ShouldNotContain(nik);
    }

    [Theory]
    [InlineData("1501012902880001", 29, 2)]
    [InlineData("1501016902000001", 29, 2)]
    [InlineData("1501013112900001", 31, 12)]
    [InlineData("1501013004900001", 30, 4)]
    public void The_last_day_of_a_month_and_29_February_of_a_leap_year_are_dates(string nik, int day, int month)
    {
        var parts = NikStructure.Read(nik, out var problem);
        problem.ShouldBeNull();
        (parts!.Day, parts.Month).ShouldBe((day, month));
    }

    [Theory]
    [InlineData(1990, 7, 16)]
    [InlineData(1990, 8, 15)]
    public void A_day_or_month_of_birth_other_than_the_NIK_s_is_refused(int year, int month, int day)
    {
        var nik = NikStructure.Read(NikOf(D(1990, 7, 15), Sex.Female), out _)!;
        NikStructure.Disagreement(nik, D(year, month, day), Sex.Female).ShouldNotBeNull().Rule.ShouldBe("nik-birth-date-mismatch");
    }

    [Fact]
    public void The_year_of_birth_is_not_compared()
    {
        var nik = NikStructure.Read(NikOf(D(1990, 7, 15), Sex.Female), out _)!;
        NikStructure.Disagreement(nik, D(1991, 7, 15), Sex.Female).ShouldBeNull();
    }

    [Theory]
    [InlineData(Sex.Female, Sex.Male)]
    [InlineData(Sex.Male, Sex.Female)]
    public void A_sex_other_than_the_NIK_s_is_refused(Sex inNik, Sex stated)
    {
        var nik = NikStructure.Read(NikOf(D(1990, 7, 15), inNik), out _)!;
        NikStructure.Disagreement(nik, D(1990, 7, 15), stated).ShouldNotBeNull().Rule.ShouldBe("nik-sex-mismatch");
    }
}
