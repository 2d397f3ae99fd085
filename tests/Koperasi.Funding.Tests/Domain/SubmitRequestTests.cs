using Koperasi.Funding.Applications;

namespace Koperasi.Funding.Tests.Domain;

/// <summary>What a submission request keeps: a blank optional value is absent, never a blank string.</summary>
public class SubmitRequestTests
{
    private static SubmitApplication.Request Request(string? phone, string? nib, string? street, string? village) => new(
        Guid.NewGuid(), Api.Nik("female", "1990-07-15"), "Siti  Rahmawati", Sex.Female, new DateOnly(1990, 7, 15),
        new SubmitApplication.AddressDto("1503", "Pelawan", street, village), Occupation.Trader, false, "wirausaha-pemula", "Keripik pisang",
        phone, nib);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Blank_phone_nib_street_and_village_are_valid_and_kept_as_absent(string? blank)
    {
        var request = Request(blank, blank, blank, blank);

        SubmitApplication.Validate(request, out var nik).IsValid.ShouldBeTrue();
        var record = SubmitApplication.RecordOf(request);
        var command = SubmitApplication.ToCommand(request, Guid.NewGuid(), Guid.NewGuid(), nik!, "1503");

        (record.Phone, record.Street, record.Village, command.Nib).ShouldBe((null, null, null, null));
        record.Name.ShouldBe("Siti Rahmawati");
    }

    [Fact]
    public void Given_optional_values_are_kept_trimmed()
    {
        var request = Request(" 081234567890 ", " 1234567890123 ", " Jl. Lintas  Sumatera 12 ", "Pelawan Jaya");

        SubmitApplication.Validate(request, out var nik).IsValid.ShouldBeTrue();
        var record = SubmitApplication.RecordOf(request);
        var command = SubmitApplication.ToCommand(request, Guid.NewGuid(), Guid.NewGuid(), nik!, "1503");

        (record.Phone, record.Street, command.Nib).ShouldBe(("081234567890", "Jl. Lintas Sumatera 12", "1234567890123"));
    }
}
