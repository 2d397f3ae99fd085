using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koperasi.Registry.Tests.Imports;
using Koperasi.ServiceDefaults.Identity;

namespace Koperasi.Registry.Tests.Security;

/// <summary>A pembina writes only to the koperasi of its own regencies, and the histories say who acted.</summary>
public class RegencyScopingTests(RegistryHost registry) : IClassFixture<RegistryHost>
{
    private readonly HttpClient _admin = registry.CreateClient();
    private readonly HttpClient _pembinaKerinci = registry.CreateClientAs(KoperasiRoles.Pembina, "1501");

    private static HttpRequestMessage Patch(object id, object version, JsonObject body)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/registry/cooperatives/{id}") { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        return request;
    }

    [Fact]
    public async Task A_pembina_of_1501_cannot_change_a_koperasi_of_1571()
    {
        var kotaJambi = await Api.RegisterAsync(_admin, Api.Registration(regency: "1571"));
        var contact = new JsonObject { ["contact"] = new JsonObject { ["phone"] = "0741999999" } };

        using var patch = await _pembinaKerinci.SendAsync(Patch(kotaJambi["id"]!, kotaJambi["version"]!, contact));
        using var rat = await Api.ReportRatAsync(_pembinaKerinci, kotaJambi["id"]!, Api.Rat(2025, "2026-03-01"), kotaJambi["version"]);

        foreach (var response in new[] { patch, rat })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await Api.ProblemAsync(response))["rule"]!.GetValue<string>().ShouldBe("outside-your-regency");
        }

        (await Api.GetAsync(_admin, $"/api/registry/cooperatives/{kotaJambi["id"]}"))["version"]!.GetValue<long>()
            .ShouldBe(kotaJambi["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_pembina_registers_only_in_its_regencies()
    {
        using var elsewhere = await _pembinaKerinci.PostAsJsonAsync("/api/registry/cooperatives", Api.Registration(regency: "15.71"));
        elsewhere.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Api.ProblemAsync(elsewhere))["field"]!.GetValue<string>().ShouldBe("address.regencyCode");

        var own = await Api.RegisterAsync(_pembinaKerinci, Api.Registration(regency: "15.01"));
        own["address"]!["regencyCode"]!.GetValue<string>().ShouldBe("1501");
    }

    [Fact]
    public async Task A_pembina_changes_a_koperasi_of_its_own_regency_and_the_history_names_it()
    {
        var kerinci = await Api.RegisterAsync(_admin, Api.Registration(regency: "1501"));
        using var patch = await _pembinaKerinci.SendAsync(Patch(kerinci["id"]!, kerinci["version"]!, new JsonObject { ["contact"] = new JsonObject { ["phone"] = "0748123456" } }));
        patch.StatusCode.ShouldBe(HttpStatusCode.OK);

        using var response = await _admin.GetAsync(new Uri($"/api/registry/cooperatives/{kerinci["id"]}/history", UriKind.Relative));
        var history = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
        (history[0]!["actor"]!.GetValue<string>(), history[0]!["actorRole"]!.GetValue<string>()).ShouldBe(("test-admin-provinsi", "admin-provinsi"));
        (history[^1]!["actor"]!.GetValue<string>(), history[^1]!["actorRole"]!.GetValue<string>()).ShouldBe(("test-pembina", "pembina"));
    }

    [Fact]
    public async Task A_pembina_imports_only_the_rows_of_its_regencies()
    {
        var token = ImportFiles.NewToken();
        var csv = ImportFiles.File(
            ImportFiles.Row(token, 1, new() { ["regency_code"] = "1501" }),
            ImportFiles.Row(token, 2, new() { ["regency_code"] = "1571" }));

        var job = await ImportFiles.ImportAsync(_pembinaKerinci, csv, $"{token}.csv");

        (ImportFiles.Int(job, "imported"), ImportFiles.Int(job, "invalid")).ShouldBe((1, 1));
        var error = job["errors"]!.AsArray().ShouldHaveSingleItem()!;
        (error["row"]!.GetValue<int>(), error["column"]!.GetValue<string>(), error["rule"]!.GetValue<string>()).ShouldBe((3, "regency_code", "outside-your-regency"));
        job["regencies"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe(["1501"]);
    }

    [Fact]
    public async Task A_pembina_reads_every_regency()
    {
        var kotaJambi = await Api.RegisterAsync(_admin, Api.Registration(regency: "1571"));
        (await Api.GetAsync(_pembinaKerinci, $"/api/registry/cooperatives/{kotaJambi["id"]}"))["id"]!.GetValue<string>()
            .ShouldBe(kotaJambi["id"]!.GetValue<string>());
    }
}
