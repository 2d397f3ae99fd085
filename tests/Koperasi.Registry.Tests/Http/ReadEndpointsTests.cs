using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Koperasi.Registry.Tests.Http;

public class ReadEndpointsTests(RegistryHost registry) : IClassFixture<RegistryHost>
{
    private readonly HttpClient _client = registry.CreateClient();

    [Fact]
    public async Task A_koperasi_reads_with_its_stream_version_as_ETag()
    {
        var registered = await Api.RegisterAsync(_client, Api.Registration());

        using var response = await _client.GetAsync(new Uri($"/api/registry/cooperatives/{registered["id"]}", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.ETag!.Tag.ShouldBe($"\"{registered["version"]}\"");
    }

    [Fact]
    public async Task The_regencies_show_both_codes_and_a_Kemendagri_code_names_its_own_regency()
    {
        var regencies = (await _client.GetFromJsonAsync<JsonArray>(new Uri("/api/registry/regencies", UriKind.Relative)))!;
        regencies.Select(r => (r!["code"]!.GetValue<string>(), r["kemendagriCode"]!.GetValue<string>(), r["name"]!.GetValue<string>()))
            .Where(r => r.Item1 is "1506" or "1507" or "1508" or "1509")
            .ShouldBe([("1506", "15.07", "Tanjung Jabung Timur"), ("1507", "15.06", "Tanjung Jabung Barat"), ("1508", "15.09", "Tebo"), ("1509", "15.08", "Bungo")]);

        var name = $"Koperasi Uji {Guid.NewGuid():N}";
        var registered = await Api.RegisterAsync(_client, Api.Registration(name, regency: "15.06"));
        (registered["address"]!["regencyCode"]!.GetValue<string>(), registered["address"]!["regencyName"]!.GetValue<string>()).ShouldBe(("1507", "Tanjung Jabung Barat"));
        (await Api.GetAsync(_client, $"/api/registry/cooperatives?regency=15.06&q={name}"))["totalCount"]!.GetValue<long>().ShouldBe(1);
        (await Api.GetAsync(_client, $"/api/registry/cooperatives?regency=1506&q={name}"))["totalCount"]!.GetValue<long>().ShouldBe(0);
    }

    [Fact]
    public async Task An_unknown_koperasi_answers_404_problem()
    {
        using var response = await _client.GetAsync(new Uri($"/api/registry/cooperatives/{Guid.NewGuid()}", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Api.ProblemAsync(response))["type"]!.GetValue<string>().ShouldBe("urn:koperasi:problem:not-found");
    }

    [Fact]
    public async Task The_list_filters_by_regency_type_form_activity_supervision_name_and_NIK_koperasi()
    {
        var tag = $"Filter{Guid.NewGuid():N}"[..14];
        var kerinci = Api.Registration($"Koperasi {tag} Kerinci", regency: "1501");
        var produsen = Api.Registration($"Koperasi {tag} Produsen");
        produsen["type"] = "produsen";
        var sekunder = Api.Registration($"Koperasi {tag} Sekunder");
        (sekunder["form"], sekunder["foundingMembers"]) = ("sekunder", 3);
        var provinsi = Api.Registration($"Koperasi {tag} Provinsi");
        provinsi["supervisionLevel"] = "provinsi";
        var inactive = Api.Registration($"Koperasi {tag} Lama", decreeDate: "2005-01-10");
        var withNik = Api.Registration($"Koperasi {tag} Bernik", rats: Api.Rat(2024, "2025-03-01"));
        withNik["nikKoperasi"] = new JsonObject { ["number"] = "1571" + Random.Shared.Next(100000, 999999), ["issuedOn"] = "2025-09-01" };
        foreach (var registration in new[] { kerinci, produsen, sekunder, provinsi, inactive, withNik })
        {
            await Api.RegisterAsync(_client, registration);
        }

        async Task<string[]> Names(string filter) =>
            [.. (await Api.GetAsync(_client, $"/api/registry/cooperatives?q={tag}&{filter}"))["items"]!.AsArray().Select(i => i!["name"]!.GetValue<string>())];

        (await Names("regency=15.01")).ShouldBe([$"Koperasi {tag} Kerinci"]);
        (await Names("type=produsen")).ShouldBe([$"Koperasi {tag} Produsen"]);
        (await Names("form=sekunder")).ShouldBe([$"Koperasi {tag} Sekunder"]);
        (await Names("supervisionLevel=provinsi")).ShouldBe([$"Koperasi {tag} Provinsi"]);
        (await Names("activity=tidak-aktif")).ShouldBe([$"Koperasi {tag} Lama"]);
        (await Names("hasNikKoperasi=true")).ShouldBe([$"Koperasi {tag} Bernik"]);
        (await Names("activity=aktif")).Length.ShouldBe(5);
    }

    [Fact]
    public async Task The_list_pages_in_name_order_with_a_total()
    {
        var tag = $"Page{Guid.NewGuid():N}"[..12];
        foreach (var letter in new[] { "C", "A", "B" })
        {
            await Api.RegisterAsync(_client, Api.Registration($"Koperasi {tag} {letter}"));
        }

        var second = await Api.GetAsync(_client, $"/api/registry/cooperatives?q={tag}&page=2&pageSize=2");

        second["totalCount"]!.GetValue<long>().ShouldBe(3);
        second["items"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()).ShouldBe([$"Koperasi {tag} C"]);
    }

    [Theory]
    [InlineData("regency=9999", "regency")]
    [InlineData("type=koperasi-susu", "type")]
    [InlineData("activity=tidur", "activity")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=banyak", "pageSize")]
    public async Task A_bad_filter_answers_400_naming_it(string query, string field)
    {
        using var response = await _client.GetAsync(new Uri($"/api/registry/cooperatives?{query}", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        Api.FieldsOf(await Api.ProblemAsync(response)).ShouldContain(field);
    }

    [Fact]
    public async Task The_history_lists_every_event_with_who_and_when()
    {
        var registered = await Api.RegisterAsync(_client, Api.Registration(rats: Api.Rat(2024, "2025-04-02")));

        using var response = await _client.GetAsync(new Uri($"/api/registry/cooperatives/{registered["id"]}/history", UriKind.Relative));
        var history = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();

        history.Select(e => e!["type"]!.GetValue<string>()).ShouldBe(["cooperative-registered", "rat-reported"]);
        history.Select(e => e!["version"]!.GetValue<long>()).ShouldBe([1, 2]);
        history.ShouldAllBe(e => e!["actor"]!.GetValue<string>().Length > 0);
        history.ShouldAllBe(e => e!["recordedAt"] != null);
        history[1]!["data"]!["financialYear"]!.GetValue<int>().ShouldBe(2024);
    }
}
