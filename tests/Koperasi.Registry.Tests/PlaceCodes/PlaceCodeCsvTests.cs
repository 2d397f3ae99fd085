using Koperasi.Registry.Cooperatives;
using Koperasi.Registry.Imports;
using Koperasi.Registry.Tests.Imports;

namespace Koperasi.Registry.Tests.PlaceCodes;

/// <summary>The kecamatan and desa columns of an import row, by code or by name.</summary>
public class PlaceCodeCsvTests
{
    private static RegisterCsv.ParsedRow Parse(Dictionary<string, string> change) =>
        RegisterCsv.Parse(CsvFile.Rows($"{ImportFiles.Header}\n{ImportFiles.Row(ImportFiles.NewToken(), 1, change)}\n").Single());

    [Theory]
    [InlineData("1502", "15.02.02", null, "15.02.02", null)]
    [InlineData("15.02", "Bangko", null, "15.02.02", null)]
    [InlineData("1502", "  BANGKO ", null, "15.02.02", null)]
    [InlineData("1571", "Pasar Jambi", "15.71.04.1001", "15.71.04", "15.71.04.1001")]
    [InlineData("1571", "pasar jambi", "beringin", "15.71.04", "15.71.04.1001")]
    public void A_row_names_the_kecamatan_and_desa_by_code_or_name(string regency, string kecamatan, string? desa, string code, string? desaCode)
    {
        var change = new Dictionary<string, string> { ["regency_code"] = regency, ["kecamatan"] = kecamatan };
        if (desa is not null)
        {
            change["desa"] = desa;
        }

        var parsed = Parse(change);

        parsed.Errors.ShouldBeEmpty();
        var address = Register.ToCommand(parsed.Request.ShouldNotBeNull(), Guid.NewGuid()).Profile.Address;
        address.KecamatanCode.ShouldBe(code);
        address.DesaCode.ShouldBe(desaCode);
    }

    [Theory]
    [InlineData("1571", "Bogor", null, "kecamatan", "unknown-kecamatan")]
    [InlineData("1571", "15.02.02", null, "kecamatan", "kecamatan-outside-regency")]
    [InlineData("1502", "Telanaipura", null, "kecamatan", "unknown-kecamatan")]
    [InlineData("1571", "Pasar Jambi", "Sengeti", "desa", "unknown-desa")]
    [InlineData("1571", "Pasar Jambi", "15.02.02.1009", "desa", "desa-outside-kecamatan")]
    public void An_unknown_place_or_one_outside_the_regency_is_a_row_error_naming_the_column(string regency, string kecamatan, string? desa, string column, string rule)
    {
        var change = new Dictionary<string, string> { ["regency_code"] = regency, ["kecamatan"] = kecamatan };
        if (desa is not null)
        {
            change["desa"] = desa;
        }

        var parsed = Parse(change);

        parsed.Request.ShouldBeNull();
        var error = parsed.Errors.ShouldHaveSingleItem();
        error.Column.ShouldBe(column);
        error.Rule.ShouldBe(rule);
    }

    [Fact]
    public void Every_row_of_the_documented_sample_names_a_kecamatan_of_its_regency()
    {
        var sample = ImportFiles.Sample();

        var rows = CsvFile.Rows(sample).Select(RegisterCsv.Parse).ToList();

        rows.ShouldNotBeEmpty();
        rows.SelectMany(r => r.Errors).ShouldBeEmpty();
        rows.ShouldAllBe(r => Register.ToCommand(r.Request!, Guid.NewGuid()).Profile.Address.KecamatanCode != null);
    }
}
