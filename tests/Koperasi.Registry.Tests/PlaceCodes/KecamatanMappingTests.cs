using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Koperasi.Registry.Activity;
using Koperasi.Registry.Cooperatives;
using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Identity;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Koperasi.Registry.Tests.PlaceCodes;

/// <summary>
/// The one-off mapping of koperasi registered with a free-text kecamatan (before codes existed): its
/// own host, so the schema holds only this class's koperasi and the counts are exact.
/// </summary>
public sealed class KecamatanMappingTests(RegistryHost registry) : IClassFixture<RegistryHost>
{
    private const string Mapping = "/api/registry/ops/places/mapping";

    private readonly RegistryHost _registry = registry;

    [Fact]
    public async Task The_mapping_records_the_code_where_the_name_matches_once_and_reports_the_names_that_do_not()
    {
        var token = TestContext.Current.CancellationToken;
        var admin = _registry.CreateClient();
        var matching = await StageAsync("  pasar   JAMBI ", "1571", token);
        var inOtherRegency = await StageAsync("Bangko", "1571", token);
        var unknown = await StageAsync("Kecamatan Lama", "1502", token);
        var coded = Guid.Parse((await Api.RegisterAsync(admin, Api.Registration()))["id"]!.GetValue<string>());

        using var first = await admin.PostAsync(Mapping, null, token);

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var result = JsonNode.Parse(await first.Content.ReadAsStringAsync(token))!.AsObject();
        result["withoutCode"]!.GetValue<int>().ShouldBe(3);
        result["recorded"]!.GetValue<int>().ShouldBe(1);
        Unmatched(result).ShouldBe(["1502|Kecamatan Lama|1", "1571|Bangko|1"]);

        var read = await Api.GetAsync(admin, $"/api/registry/cooperatives/{matching}");
        read["address"]!["kecamatanCode"]!.GetValue<string>().ShouldBe("15.71.04");
        read["address"]!["kecamatan"]!.GetValue<string>().ShouldBe("  pasar   JAMBI ");
        (await Api.GetAsync(admin, $"/api/registry/cooperatives/{inOtherRegency}"))["address"]!["kecamatanCode"].ShouldBeNull();
        (await Api.GetAsync(admin, $"/api/registry/cooperatives/{unknown}"))["address"]!["kecamatanCode"].ShouldBeNull();
        (await Api.GetAsync(admin, $"/api/registry/cooperatives/{coded}"))["version"]!.GetValue<long>().ShouldBe(1);

        using var again = await admin.PostAsync(Mapping, null, token);

        var second = JsonNode.Parse(await again.Content.ReadAsStringAsync(token))!.AsObject();
        second["withoutCode"]!.GetValue<int>().ShouldBe(2);
        second["recorded"]!.GetValue<int>().ShouldBe(0);
        Unmatched(second).ShouldBe(["1502|Kecamatan Lama|1", "1571|Bangko|1"]);
        await using var query = _registry.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var events = await query.Events.FetchStreamAsync(matching, token: token);
        events.Select(e => e.EventTypeName).ShouldBe(["cooperative-registered", "kecamatan-code-recorded"]);
        events[^1].UserName.ShouldNotBeNullOrEmpty();
    }

    [Theory]
    [InlineData(KoperasiRoles.Pembina)]
    [InlineData(KoperasiRoles.Auditor)]
    public async Task Only_the_province_admin_runs_the_mapping(string role)
    {
        using var response = await _registry.CreateClientAs(role, "1571").PostAsync(Mapping, null, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private static IEnumerable<string> Unmatched(JsonObject result) =>
        result["unmatched"]!.AsArray().Select(u => $"{u!["regencyCode"]}|{u["kecamatan"]}|{u["cooperatives"]}");

    /// <summary>A koperasi as registered before codes existed: its kecamatan free text, no code.</summary>
    private async Task<Guid> StageAsync(string kecamatan, string regency, CancellationToken token)
    {
        var registration = Api.Registration(regency: regency).Deserialize<Register.Request>(KoperasiJson.Options)!;
        var command = Register.ToCommand(registration, Guid.CreateVersion7());
        command = command with
        {
            Profile = command.Profile with { Address = new Address("Jl. Lama 1", null, kecamatan, regency, null) },
        };
        await using var session = _registry.Services.GetRequiredService<IDocumentStore>().LightweightSession();
        var outcome = await Register.DecideInSessionAsync(session, command, new DateOnly(2025, 8, 29), new ActivityPolicy(), token);
        outcome.Error.ShouldBeNull();
        await session.SaveChangesAsync(token);
        return command.CooperativeId;
    }
}
