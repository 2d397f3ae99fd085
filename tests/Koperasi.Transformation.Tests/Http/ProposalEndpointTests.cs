using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Koperasi.Transformation.Tests.Http;

public class ProposalEndpointTests(TransformationHost host) : IClassFixture<TransformationHost>
{
    private readonly HttpClient _client = host.CreateClient();

    [Fact]
    public async Task A_merger_is_proposed_with_201_its_location_and_its_version_as_ETag()
    {
        var survivor = await RegistryFacts.RegisterAsync(host, "Koperasi Maju Bersama", "1571", 118);
        var absorbed = await RegistryFacts.RegisterAsync(host, "Koperasi Tani Makmur", "1505", 64);

        using var response = await _client.PostAsJsonAsync($"{Api.Cases}/mergers", Api.Merger(survivor, absorbed));

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var created = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        response.Headers.Location!.ToString().ShouldBe($"{Api.Cases}/{created["id"]}");
        response.Headers.ETag!.Tag.ShouldBe("\"1\"");
        (Api.Text(created["kind"]), Api.Text(created["state"]), Api.Text(created["proposedOn"])).ShouldBe(("merger", "proposed", Api.ProposedOn));
        var participants = created["participants"]!.AsArray();
        (Api.Text(participants[0]!["role"]), Api.Text(participants[0]!["name"]), participants[0]!["memberCount"]!.GetValue<int>()).ShouldBe(("survivor", "Koperasi Maju Bersama", 118));
        (Api.Text(participants[1]!["role"]), Api.Text(participants[1]!["regencyName"])).ShouldBe(("absorbed", "Muaro Jambi"));
        Api.Text(created["awaiting"]).ShouldBe("Members' meeting decision of: Koperasi Maju Bersama, Koperasi Tani Makmur");

        var read = await Api.CaseAsync(_client, created);
        var entry = read["timeline"]!.AsArray().ShouldHaveSingleItem()!;
        (Api.Text(entry["type"]), Api.Text(entry["actor"]), Api.Text(entry["actorRole"])).ShouldBe(("merger-proposed", "test-admin-provinsi", "admin-provinsi"));
        Api.Text(entry["description"]).ShouldBe("Merger proposed: Koperasi Tani Makmur to be absorbed into Koperasi Maju Bersama.");
    }

    [Fact]
    public async Task An_amalgamation_is_proposed_with_the_id_and_normalized_domicile_of_the_new_koperasi()
    {
        var a = await RegistryFacts.RegisterAsync(host);
        var b = await RegistryFacts.RegisterAsync(host);

        var created = await Api.ProposeAsync(_client, "amalgamations", Api.Amalgamation([a, b], regency: "15.72"));

        var founded = created["newCooperative"]!;
        Guid.Parse(Api.Text(founded["cooperativeId"])).ShouldNotBe(Guid.Empty);
        Api.Text(founded["domicile"]!["regencyCode"]).ShouldBe("1572");
        created["regencyCodes"]!.AsArray().Select(Api.Text).ShouldBe(["1571", "1572"]);
        created["ratificationRequired"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task A_change_of_other_articles_only_needs_no_ratification()
    {
        var cooperative = await RegistryFacts.RegisterAsync(host);

        var created = await Api.ProposeAsync(_client, "articles-amendments", Api.Amendment(cooperative, new JsonObject { ["otherArticles"] = "Pasal 12: rapat anggota dapat daring." }));

        (Api.Text(created["kind"]), created["ratificationRequired"]!.GetValue<bool>()).ShouldBe(("articles-amendment", false));
    }

    [Fact]
    public async Task Blank_optional_changes_are_absent_neither_refused_nor_proposed()
    {
        var cooperative = await RegistryFacts.RegisterAsync(host);

        var created = await Api.ProposeAsync(_client, "articles-amendments", Api.Amendment(cooperative, new JsonObject
        {
            ["name"] = "  ",
            ["businessField"] = "",
            ["otherArticles"] = " Pasal 12: rapat anggota dapat daring. ",
        }));

        var changes = created["changes"]!;
        (changes["name"], changes["businessField"], Api.Text(changes["otherArticles"])).ShouldBe((null, null, "Pasal 12: rapat anggota dapat daring."));
        created["ratificationRequired"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task Changes_that_are_all_blank_change_nothing_and_answer_422()
    {
        var cooperative = await RegistryFacts.RegisterAsync(host);

        using var response = await _client.PostAsJsonAsync($"{Api.Cases}/articles-amendments", Api.Amendment(cooperative, new JsonObject { ["name"] = " ", ["otherArticles"] = "" }));

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        Api.Text((await Api.ProblemAsync(response))["rule"]).ShouldBe("articles-amendment-needs-a-change");
    }

    [Fact]
    public async Task A_koperasi_the_register_never_announced_answers_422_naming_the_field_and_claims_nothing()
    {
        var survivor = await RegistryFacts.RegisterAsync(host);

        using var response = await _client.PostAsJsonAsync($"{Api.Cases}/mergers", Api.Merger(survivor, Guid.NewGuid()));

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = await Api.ProblemAsync(response);
        (Api.Text(problem["rule"]), Api.Text(problem["type"]), Api.Text(problem["field"]))
            .ShouldBe(("cooperative-unknown", "urn:koperasi:problem:cooperative-unknown", "absorbedIds[0]"));
        (await Api.GetAsync(_client, $"/api/transformation/cooperatives/{survivor}"))["mayTakePart"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task A_koperasi_in_another_open_case_answers_409()
    {
        var (a, b, c) = (await RegistryFacts.RegisterAsync(host), await RegistryFacts.RegisterAsync(host), await RegistryFacts.RegisterAsync(host));
        var first = await Api.ProposeAsync(_client, "mergers", Api.Merger(a, b));

        using var second = await _client.PostAsJsonAsync($"{Api.Cases}/mergers", Api.Merger(c, b));

        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await Api.ProblemAsync(second);
        (Api.Text(problem["rule"]), Api.Text(problem["field"])).ShouldBe(("cooperative-in-open-case", "absorbedIds[0]"));
        Api.Text(problem["detail"]).ShouldContain(Api.Text(first["id"]));
        var standing = await Api.GetAsync(_client, $"/api/transformation/cooperatives/{b}");
        (Api.Text(standing["caseId"]), standing["mayTakePart"]!.GetValue<bool>(), Api.Text(standing["rule"])).ShouldBe((Api.Text(first["id"]), false, "cooperative-in-open-case"));
    }
}
