using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Koperasi.Registry.Tests.PlaceCodes;

/// <summary>A koperasi's kecamatan and desa, sent by Kemendagri code or by name, on registration and change.</summary>
public class PlaceCodeEndpointTests(RegistryHost registry) : IClassFixture<RegistryHost>
{
    private readonly HttpClient _client = registry.CreateClient();

    private static JsonObject Registration(string kecamatan, string regency = "1571", string? desa = null)
    {
        var registration = Api.Registration(regency: regency);
        var address = registration["address"]!.AsObject();
        address["kecamatan"] = kecamatan;
        address.Remove("village");
        if (desa is not null)
        {
            address["desa"] = desa;
        }

        return registration;
    }

    [Theory]
    [InlineData("15.71.04")]
    [InlineData("Pasar Jambi")]
    [InlineData("  pasar   JAMBI ")]
    public async Task The_kecamatan_by_code_or_name_is_stored_with_its_code_and_regulation_name(string kecamatan)
    {
        var registered = await Api.RegisterAsync(_client, Registration(kecamatan));

        var read = await Api.GetAsync(_client, $"/api/registry/cooperatives/{registered["id"]}");
        read["address"]!["kecamatanCode"]!.GetValue<string>().ShouldBe("15.71.04");
        read["address"]!["kecamatan"]!.GetValue<string>().ShouldBe("Pasar Jambi");
        read["address"]!["desaCode"].ShouldBeNull();
    }

    [Theory]
    [InlineData("15.71.04.1002")]
    [InlineData("orang  kayo hitam")]
    public async Task The_desa_by_code_or_name_is_stored_with_its_code_and_becomes_the_village(string desa)
    {
        var registered = await Api.RegisterAsync(_client, Registration("Pasar Jambi", desa: desa));

        var read = await Api.GetAsync(_client, $"/api/registry/cooperatives/{registered["id"]}");
        read["address"]!["desaCode"]!.GetValue<string>().ShouldBe("15.71.04.1002");
        read["address"]!["village"]!.GetValue<string>().ShouldBe("Orang Kayo Hitam");
    }

    [Theory]
    [InlineData("Bogor", "1571", null, "address.kecamatan", "unknown-kecamatan")]
    [InlineData("15.71.99", "1571", null, "address.kecamatan", "unknown-kecamatan")]
    [InlineData("15.02.02", "1571", null, "address.kecamatan", "kecamatan-outside-regency")]
    [InlineData("Bangko", "1571", null, "address.kecamatan", "unknown-kecamatan")]
    [InlineData("Pasar Jambi", "1571", "Desa Tidak Ada", "address.desa", "unknown-desa")]
    [InlineData("Pasar Jambi", "1571", "15.71.01.1001", "address.desa", "desa-outside-kecamatan")]
    public async Task An_unknown_place_or_one_outside_the_regency_answers_422_naming_the_field_and_stores_nothing(
        string kecamatan, string regency, string? desa, string field, string rule)
    {
        var registration = Registration(kecamatan, regency, desa);
        var name = registration["name"]!.GetValue<string>();

        using var response = await _client.PostAsJsonAsync("/api/registry/cooperatives", registration);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = await Api.ProblemAsync(response);
        Api.FieldsOf(problem).ShouldBe([field]);
        problem.ToJsonString().ShouldContain(rule);
        var list = await _client.GetStringAsync($"/api/registry/cooperatives?q={Uri.EscapeDataString(name)}");
        list.ShouldNotContain(name);
    }

    [Theory]
    [InlineData("15.71.01", "15.71.01", "Telanaipura")]
    [InlineData(" telanaipura", "15.71.01", "Telanaipura")]
    public async Task A_change_of_address_takes_the_kecamatan_by_code_or_name(string kecamatan, string code, string name)
    {
        var registered = await Api.RegisterAsync(_client, Registration("Pasar Jambi"));

        using var response = await Patch(registered, new JsonObject { ["street"] = "Jl. Kenari 2", ["kecamatan"] = kecamatan, ["regencyCode"] = "15.71", ["desa"] = "Simpang IV Sipin" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var read = await Api.GetAsync(_client, $"/api/registry/cooperatives/{registered["id"]}");
        read["address"]!["kecamatanCode"]!.GetValue<string>().ShouldBe(code);
        read["address"]!["kecamatan"]!.GetValue<string>().ShouldBe(name);
        read["address"]!["desaCode"]!.GetValue<string>().ShouldBe("15.71.01.1001");
    }

    [Theory]
    [InlineData("Sungai Penuh", null, "address.kecamatan")]
    [InlineData("15.72.01", null, "address.kecamatan")]
    [InlineData("Telanaipura", "Beringin", "address.desa")]
    public async Task A_change_to_an_unknown_place_answers_422_naming_the_field_and_changes_nothing(string kecamatan, string? desa, string field)
    {
        var registered = await Api.RegisterAsync(_client, Registration("Pasar Jambi"));
        var address = new JsonObject { ["street"] = "Jl. Kenari 2", ["kecamatan"] = kecamatan, ["regencyCode"] = "1571" };
        if (desa is not null)
        {
            address["desa"] = desa;
        }

        using var response = await Patch(registered, address);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        Api.FieldsOf(await Api.ProblemAsync(response)).ShouldBe([field]);
        var read = await Api.GetAsync(_client, $"/api/registry/cooperatives/{registered["id"]}");
        read["version"]!.GetValue<long>().ShouldBe(registered["version"]!.GetValue<long>());
        read["address"]!["kecamatanCode"]!.GetValue<string>().ShouldBe("15.71.04");
    }

    private Task<HttpResponseMessage> Patch(JsonObject registered, JsonObject address)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/registry/cooperatives/{registered["id"]}")
        {
            Content = JsonContent.Create(new JsonObject { ["address"] = address }),
        };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{registered["version"]}\"");
        return _client.SendAsync(request);
    }
}
