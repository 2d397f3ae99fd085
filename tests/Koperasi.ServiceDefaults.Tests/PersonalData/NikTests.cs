using Koperasi.ServiceDefaults.PersonalData;

namespace Koperasi.ServiceDefaults.Tests.PersonalData;

/// <summary>Synthetic NIKs only: Kota Jambi (15 71), kecamatan 01, valid birth dates, low serials.</summary>
public static class SyntheticNik
{
    /// <summary>A man born 17 August 1985.</summary>
    public const string Man = "1571011708850001";

    /// <summary>A woman born 5 July 1990: 40 is added to her birth day, 05 + 40 = 45.</summary>
    public const string Woman = "1571014507900002";

    public const string ManMasked = "157101******0001";
    public const string WomanMasked = "157101******0002";

    /// <summary>A run of 16 digits that no other digit touches, the shape the scrubbing must remove.</summary>
    public const string SixteenDigitRun = "(?<![0-9])[0-9]{16}(?![0-9])";
}

public class NikTests
{
    [Fact]
    public void A_mask_shows_the_first_6_and_the_last_4_digits()
    {
        Nik.Mask(SyntheticNik.Man).ShouldBe(SyntheticNik.ManMasked);
        Nik.Mask(SyntheticNik.Woman).ShouldBe(SyntheticNik.WomanMasked);
    }

    [Theory]
    [InlineData("1571011708850001", true)]
    [InlineData("157101170885000", false)]
    [InlineData("15710117088500011", false)]
    [InlineData("157101170885000A", false)]
    [InlineData("1571 0117 0885 0001", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void A_NIK_is_exactly_16_digits(string? value, bool isNik) => Nik.IsNik(value).ShouldBe(isNik);

    [Fact]
    public void Masking_something_that_is_not_a_NIK_fails_without_repeating_it()
    {
        var error = Should.Throw<ArgumentException>(() => Nik.Mask("15710117088500011"));
        error.Message.ShouldNotContain("1571011708850001");
    }

    [Theory]
    [InlineData("1571011708850001", "157101******0001")]
    [InlineData("1571011708850001 mengajukan hibah", "157101******0001 mengajukan hibah")]
    [InlineData("Pemohon NIK 1571011708850001", "Pemohon NIK 157101******0001")]
    [InlineData("(1571011708850001).", "(157101******0001).")]
    [InlineData("{\"nik\":\"1571011708850001\"}", "{\"nik\":\"157101******0001\"}")]
    [InlineData("nik=1571011708850001&year=2026", "nik=157101******0001&year=2026")]
    [InlineData("NIK1571011708850001x", "NIK157101******0001x")]
    [InlineData("/applicants/1571011708850001/documents", "/applicants/157101******0001/documents")]
    public void A_16_digit_run_is_masked_wherever_it_stands(string text, string expected) =>
        Nik.Scrub(text).ShouldBe(expected);

    [Fact]
    public void A_woman_s_NIK_with_40_added_to_her_birth_day_is_masked() =>
        Nik.Scrub($"Pemohon perempuan {SyntheticNik.Woman}").ShouldBe($"Pemohon perempuan {SyntheticNik.WomanMasked}");

    [Fact]
    public void Every_NIK_in_one_text_is_masked() =>
        Nik.Scrub($"{SyntheticNik.Man},{SyntheticNik.Woman} {SyntheticNik.Man}")
            .ShouldBe($"{SyntheticNik.ManMasked},{SyntheticNik.WomanMasked} {SyntheticNik.ManMasked}");

    [Theory]
    [InlineData("157101170885000")]
    [InlineData("15710117088500011")]
    [InlineData("id 157101170885000112345")]
    [InlineData("NIB 9120001234567")]
    [InlineData("Rp 1.250.000.000 untuk 118 anggota")]
    [InlineData("+62 812-3456-7890")]
    [InlineData("2026-11-22T03:15:00.1234567+07:00")]
    [InlineData("0199a3c4-2f10-7c3a-8d55-6b1e2f3a4b5c")]
    [InlineData("4bf92f3577b34da6a3ce929d0e0e4736")]
    [InlineData("518.08/96/BH/XIV.10/VIII/2008")]
    [InlineData("NIK koperasi 1571-2025-000042")]
    public void Shorter_and_longer_numbers_are_left_alone(string text) => Nik.Scrub(text).ShouldBeSameAs(text);

    [Theory]
    [InlineData("NIK 1571 0117 0885 0001 salah ketik", "NIK 157101******0001 salah ketik")]
    [InlineData("NIK: 15.71.01.170885.0001.", "NIK: 157101******0001.")]
    [InlineData("'1571-0117-0885-0001'", "'157101******0001'")]
    public void Sixteen_digits_typed_in_groups_are_masked(string text, string expected) => Nik.Scrub(text).ShouldBe(expected);

    [Theory]
    [InlineData("1571 0117 0885 0001 2")]
    [InlineData("12345678-1234-1234-abcd-ef0123456789")]
    [InlineData("0199a3c4-2f10-7c3a-1234-123456789012")]
    [InlineData("release-1571.0117.0885.0001")]
    public void Grouped_digits_that_are_more_than_a_NIK_or_part_of_an_identifier_are_left_alone(string text) =>
        Nik.Scrub(text).ShouldBeSameAs(text);

    [Fact]
    public void A_masked_NIK_stays_as_it_is() => Nik.Scrub(SyntheticNik.ManMasked).ShouldBeSameAs(SyntheticNik.ManMasked);

    [Fact]
    public void Text_without_a_NIK_is_returned_as_the_same_instance()
    {
        var text = "Application received for koperasi 0199a3c4 in 2026";
        Nik.Scrub(text).ShouldBeSameAs(text);
        Nik.ContainsNik(text).ShouldBeFalse();
        Nik.ContainsNik($"x {SyntheticNik.Man} y").ShouldBeTrue();
        Nik.Scrub(null).ShouldBeNull();
    }
}
