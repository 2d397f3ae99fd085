using Koperasi.ServiceDefaults.Regions;

namespace Koperasi.ServiceDefaults.Tests.Regions;

/// <summary>BPS and Kemendagri codes differ for four regencies: each spelling names the right one.</summary>
public class RegenciesTests
{
    public static TheoryData<string, string, string> Spellings => new()
    {
        { "1501", "15.01", "Kerinci" },
        { "1502", "15.02", "Merangin" },
        { "1503", "15.03", "Sarolangun" },
        { "1504", "15.04", "Batang Hari" },
        { "1505", "15.05", "Muaro Jambi" },
        { "1506", "15.07", "Tanjung Jabung Timur" },
        { "1507", "15.06", "Tanjung Jabung Barat" },
        { "1508", "15.09", "Tebo" },
        { "1509", "15.08", "Bungo" },
        { "1571", "15.71", "Kota Jambi" },
        { "1572", "15.72", "Kota Sungai Penuh" },
    };

    [Theory]
    [MemberData(nameof(Spellings))]
    public void Each_system_s_code_is_read_by_its_format(string bps, string kemendagri, string name)
    {
        Regencies.TryNormalize(bps, out var fromBps).ShouldBeTrue();
        Regencies.TryNormalize($" {kemendagri} ", out var fromKemendagri).ShouldBeTrue();

        (fromBps, fromKemendagri).ShouldBe((bps, bps));
        Regencies.NameOf(fromKemendagri).ShouldBe(name);
        Regencies.Get(bps).KemendagriCode.ShouldBe(kemendagri);
    }

    [Theory]
    [InlineData("15.06", "1507")]
    [InlineData("15.07", "1506")]
    [InlineData("15.08", "1509")]
    [InlineData("15.09", "1508")]
    public void A_Kemendagri_code_is_not_the_BPS_code_with_a_dot(string kemendagri, string bps) =>
        (Regencies.TryNormalize(kemendagri, out var code) ? code : null).ShouldBe(bps);

    [Theory]
    [InlineData("15071")]
    [InlineData("150.6")]
    [InlineData("1.506")]
    [InlineData("15.0")]
    [InlineData("1510")]
    [InlineData("15.10")]
    [InlineData("1406")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_no_regency(string? input) => Regencies.TryNormalize(input, out _).ShouldBeFalse();

    [Theory]
    [InlineData("1506011203850001", "1507")]
    [InlineData("1507011203850001", "1506")]
    [InlineData("1508011203850001", "1509")]
    [InlineData("1509011203850001", "1508")]
    [InlineData("1571011203850001", "1571")]
    public void A_NIK_starts_with_the_Kemendagri_code(string nik, string bps)
    {
        Regencies.OfNikPrefix(nik)!.Code.ShouldBe(bps);
        nik.ShouldStartWith(Regencies.NikPrefixOf(bps));
    }
}
