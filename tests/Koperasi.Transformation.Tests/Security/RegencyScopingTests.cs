using System.Net;
using System.Net.Http.Json;
using Koperasi.ServiceDefaults.Identity;

namespace Koperasi.Transformation.Tests.Security;

/// <summary>A pembina proposes and records steps only for cases whose every regency is its own, and reads every case.</summary>
public class RegencyScopingTests(TransformationHost host) : IClassFixture<TransformationHost>
{
    private readonly HttpClient _admin = host.CreateClient();
    private readonly HttpClient _pembinaKotaJambi = host.CreateClientAs(KoperasiRoles.Pembina, "1571");
    private readonly HttpClient _pembinaKerinci = host.CreateClientAs(KoperasiRoles.Pembina, "15.01");

    [Fact]
    public async Task A_pembina_proposes_only_with_koperasi_of_its_regencies()
    {
        var kotaJambi = await RegistryFacts.RegisterAsync(host, regency: "1571");
        var kerinci = await RegistryFacts.RegisterAsync(host, regency: "1501");

        using var outside = await _pembinaKerinci.PostAsJsonAsync($"{Api.Cases}/mergers", Api.Merger(kerinci, kotaJambi));

        outside.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var problem = await Api.ProblemAsync(outside);
        (Api.Text(problem["rule"]), Api.Text(problem["field"])).ShouldBe(("outside-your-regency", "absorbedIds[0]"));
        (await Api.GetAsync(_admin, $"/api/transformation/cooperatives/{kerinci}"))["mayTakePart"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task The_regency_of_the_new_koperasi_counts_too()
    {
        var (a, b) = (await RegistryFacts.RegisterAsync(host, regency: "1571"), await RegistryFacts.RegisterAsync(host, regency: "1571"));

        using var outside = await _pembinaKotaJambi.PostAsJsonAsync($"{Api.Cases}/amalgamations", Api.Amalgamation([a, b], regency: "1572"));

        outside.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        Api.Text((await Api.ProblemAsync(outside))["field"]).ShouldBe("newCooperative.domicile.regencyCode");
        await Api.ProposeAsync(_pembinaKotaJambi, "amalgamations", Api.Amalgamation([a, b], regency: "1571"));
    }

    [Fact]
    public async Task A_pembina_records_steps_only_on_cases_of_its_regencies_reads_them_all_and_is_named_in_the_timeline()
    {
        var (a, b) = (await RegistryFacts.RegisterAsync(host, regency: "1571"), await RegistryFacts.RegisterAsync(host, regency: "1571"));
        var proposed = await Api.ProposeAsync(_admin, "mergers", Api.Merger(a, b));

        using var outside = await Api.StepAsync(_pembinaKerinci, proposed, "meetings", Api.Meeting(a));
        outside.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        Api.Text((await Api.ProblemAsync(outside))["rule"]).ShouldBe("outside-your-regency");

        await Api.StepOkAsync(_pembinaKotaJambi, proposed, "meetings", Api.Meeting(a));
        var read = await Api.CaseAsync(_pembinaKerinci, proposed);
        var last = read["timeline"]!.AsArray()[^1]!;
        (Api.Text(last["actor"]), Api.Text(last["actorRole"])).ShouldBe(("test-pembina", "pembina"));
    }
}
