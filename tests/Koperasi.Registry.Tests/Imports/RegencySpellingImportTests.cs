using Koperasi.ServiceDefaults.Regions;

namespace Koperasi.Registry.Tests.Imports;

/// <summary>A register exported with either code system is imported into the right regencies.</summary>
public class RegencySpellingImportTests(RegistryHost registry) : IClassFixture<RegistryHost>
{
    private readonly HttpClient _client = registry.CreateClient();

    [Fact]
    public async Task Each_regency_imported_by_its_BPS_and_by_its_Kemendagri_code_lands_in_that_regency()
    {
        var token = ImportFiles.NewToken();
        var spellings = Regencies.All.SelectMany(r => new[] { (Given: r.Code, Expected: r), (Given: r.KemendagriCode, Expected: r) }).ToList();
        var csv = ImportFiles.File(spellings.Select((s, i) => ImportFiles.Row(token, i + 1, new() { ["regency_code"] = s.Given })));

        var job = await ImportFiles.ImportAsync(_client, csv, $"{token}.csv");

        (ImportFiles.Int(job, "imported"), ImportFiles.Int(job, "invalid")).ShouldBe((22, 0));
        var page = await Api.GetAsync(_client, $"/api/registry/cooperatives?q={token}&pageSize=50");
        var stored = page["items"]!.AsArray().ToDictionary(
            i => i!["name"]!.GetValue<string>(), i => (Code: i!["regencyCode"]!.GetValue<string>(), Name: i["regencyName"]!.GetValue<string>()));
        spellings.Select((s, i) => (s.Given, Stored: stored[$"Koperasi {token} {i + 1}"]))
            .ShouldBe(spellings.Select(s => (s.Given, Stored: (s.Expected.Code, s.Expected.DisplayName))));
        stored[$"Koperasi {token} {spellings.FindIndex(s => s.Given == "15.06") + 1}"].Name.ShouldBe("Tanjung Jabung Barat");
    }
}
