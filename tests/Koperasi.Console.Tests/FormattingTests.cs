using Koperasi.Console.Formatting;

namespace Koperasi.Console.Tests;

public class FormattingTests
{
    [Theory]
    [InlineData(2025, 8, 29, "29 Agustus 2025")]
    [InlineData(2026, 1, 1, "1 Januari 2026")]
    [InlineData(2024, 12, 31, "31 Desember 2024")]
    public void Dates_are_written_as_officers_write_them(int year, int month, int day, string expected) =>
        Tampil.Date(new DateOnly(year, month, day)).ShouldBe(expected);

    [Theory]
    [InlineData(5053, "5.053")]
    [InlineData(1727, "1.727")]
    [InlineData(999, "999")]
    [InlineData(0, "0")]
    [InlineData(1234567, "1.234.567")]
    [InlineData(-3, "-3")]
    public void Numbers_group_thousands_with_a_dot(long value, string expected) => Tampil.Number(value).ShouldBe(expected);

    [Theory]
    [InlineData("19330000000", "Rp 19,33 miliar")]
    [InlineData("565000000", "Rp 565 juta")]
    [InlineData("1500000", "Rp 1,5 juta")]
    [InlineData("2000000000000", "Rp 2 triliun")]
    [InlineData("750000", "Rp 750.000")]
    [InlineData("19334999999", "Rp 19,33 miliar")]
    [InlineData("-565000000", "-Rp 565 juta")]
    public void Money_is_written_in_juta_miliar_and_triliun(string amount, string expected) =>
        Tampil.Money(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(expected);

    [Fact]
    public void Changes_are_signed_and_moments_are_in_Jambi_time()
    {
        Tampil.Change(12).ShouldBe("+12");
        Tampil.Change(-1200).ShouldBe("-1.200");
        Tampil.Change(0).ShouldBe("0");
        Tampil.Moment(new DateTimeOffset(2025, 8, 29, 20, 5, 0, TimeSpan.Zero)).ShouldBe("30 Agustus 2025 03.05 WIB");
        Tampil.Percent(0.66403m).ShouldBe("66,4%");
    }

    [Fact]
    public void Formatting_does_not_depend_on_the_server_culture()
    {
        var before = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("en-US");
            Tampil.Number(5053).ShouldBe("5.053");
            Tampil.Money(19_330_000_000m).ShouldBe("Rp 19,33 miliar");
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = before;
        }
    }

    [Theory]
    [InlineData("tidak-aktif", "Tidak aktif")]
    [InlineData("in-liquidation", "Dalam likuidasi")]
    [InlineData("something-new", "something-new")]
    public void Api_values_are_shown_in_Indonesian_or_as_they_are(string value, string expected) => Istilah.Of(value).ShouldBe(expected);

    [Theory]
    [InlineData("RatRecorded", "RAT dilaporkan")]
    [InlineData("rat_recorded", "RAT dilaporkan")]
    [InlineData("cooperative-registered", "Koperasi didaftarkan")]
    [InlineData("rat-reported", "RAT dilaporkan")]
    [InlineData("cooperative-details-changed", "Data diubah")]
    [InlineData("application-submitted", "Permohonan diajukan")]
    [InlineData("SomethingElse", "SomethingElse")]
    public void History_entries_are_named_in_Indonesian(string type, string expected) => Riwayat.Of(type).ShouldBe(expected);
}
