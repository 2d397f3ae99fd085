using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koperasi.Registry.Tests.Imports;

namespace Koperasi.Registry.Tests.Http;

/// <summary>One NIB and one NIK koperasi per koperasi: on registration, change of details and import.</summary>
public class IdentifierUniquenessTests(RegistryHost registry) : IClassFixture<RegistryHost>
{
    private readonly HttpClient _client = registry.CreateClient();

    private static string NewNib() => "91" + Random.Shared.NextInt64(10_000_000_000, 100_000_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static JsonObject WithNib(string nib)
    {
        var registration = Api.Registration();
        registration["nib"] = nib;
        return registration;
    }

    private static JsonObject WithNikKoperasi(string number)
    {
        var registration = Api.Registration(rats: Api.Rat(2024, "2025-03-15"));
        registration["nikKoperasi"] = new JsonObject { ["number"] = number, ["issuedOn"] = "2025-06-02" };
        return registration;
    }

    private async Task<HttpResponseMessage> PatchAsync(JsonObject koperasi, JsonObject body)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/registry/cooperatives/{koperasi["id"]}") { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{koperasi["version"]}\"");
        return await _client.SendAsync(request);
    }

    private static async Task<JsonObject> ShouldBeConflictAsync(HttpResponseMessage response, string rule, string field)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Conflict, await response.Content.ReadAsStringAsync());
        var problem = await Api.ProblemAsync(response);
        problem["type"]!.GetValue<string>().ShouldBe($"urn:koperasi:problem:{rule}");
        Api.FieldsOf(problem).ShouldContain(field);
        return problem;
    }

    private async Task<long> CountAsync(JsonObject registration) =>
        (await Api.GetAsync(_client, $"/api/registry/cooperatives?q={Uri.EscapeDataString(registration["name"]!.GetValue<string>())}"))["totalCount"]!.GetValue<long>();

    [Fact]
    public async Task Registering_a_second_koperasi_with_an_NIB_already_registered_answers_409_and_stores_nothing()
    {
        var nib = NewNib();
        var holder = await Api.RegisterAsync(_client, WithNib(nib));
        var second = WithNib(nib);

        using var response = await _client.PostAsJsonAsync("/api/registry/cooperatives", second);

        var problem = await ShouldBeConflictAsync(response, "nib-already-registered", "nib");
        problem["detail"]!.GetValue<string>().ShouldContain(holder["id"]!.GetValue<string>());
        (await CountAsync(second)).ShouldBe(0);
    }

    [Fact]
    public async Task Registering_a_second_koperasi_with_a_NIK_koperasi_already_registered_answers_409()
    {
        var number = $"1571{Random.Shared.Next(100_000_000, 999_999_999)}";
        await Api.RegisterAsync(_client, WithNikKoperasi(number));
        var second = WithNikKoperasi(number);

        using var response = await _client.PostAsJsonAsync("/api/registry/cooperatives", second);

        await ShouldBeConflictAsync(response, "nik-koperasi-already-registered", "nikKoperasi.number");
        (await CountAsync(second)).ShouldBe(0);
    }

    [Fact]
    public async Task Registrations_of_one_NIB_at_the_same_moment_store_one_koperasi()
    {
        var nib = NewNib();

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => _client.PostAsJsonAsync("/api/registry/cooperatives", WithNib(nib))));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(3);
    }

    [Fact]
    public async Task Changing_details_to_another_koperasi_s_NIB_answers_409_and_giving_an_NIB_up_frees_it()
    {
        var (nib, other) = (NewNib(), NewNib());
        var holder = await Api.RegisterAsync(_client, WithNib(nib));
        var second = await Api.RegisterAsync(_client, Api.Registration());

        using (var taken = await PatchAsync(second, new JsonObject { ["nib"] = nib }))
        {
            await ShouldBeConflictAsync(taken, "nib-already-registered", "nib");
        }

        (await Api.GetAsync(_client, $"/api/registry/cooperatives/{second["id"]}"))["nib"].ShouldBeNull();
        using (var moved = await PatchAsync(holder, new JsonObject { ["nib"] = other }))
        {
            moved.StatusCode.ShouldBe(HttpStatusCode.OK, await moved.Content.ReadAsStringAsync());
        }

        using var freed = await PatchAsync(second, new JsonObject { ["nib"] = nib });
        freed.StatusCode.ShouldBe(HttpStatusCode.OK, await freed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_imported_row_with_an_NIB_already_registered_is_refused_with_the_rule()
    {
        var nib = NewNib();
        await Api.RegisterAsync(_client, WithNib(nib));
        var token = ImportFiles.NewToken();
        var twice = NewNib();
        var csv = ImportFiles.File(
            ImportFiles.Row(token, 1, new() { ["nib"] = nib }),
            ImportFiles.Row(token, 2, new() { ["nib"] = twice }),
            ImportFiles.Row(token, 3, new() { ["nib"] = twice }));

        var job = await ImportFiles.ImportAsync(_client, csv, $"{token}.csv");

        (ImportFiles.Int(job, "imported"), ImportFiles.Int(job, "invalid")).ShouldBe((1, 2));
        job["errors"]!.AsArray().Select(e => (e!["row"]!.GetValue<int>(), e["column"]!.GetValue<string>(), e["rule"]!.GetValue<string>()))
            .ShouldBe([(2, "nib", "nib-already-registered"), (4, "nib", "nib-duplicated-in-file")]);
    }

    [Fact]
    public async Task A_member_count_of_zero_answers_400_naming_the_field()
    {
        var registration = Api.Registration();
        registration["memberCount"] = 0;

        using var response = await _client.PostAsJsonAsync("/api/registry/cooperatives", registration);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        Api.FieldsOf(await Api.ProblemAsync(response)).ShouldContain("memberCount");
        (await CountAsync(registration)).ShouldBe(0);
    }

    [Fact]
    public async Task The_member_count_given_at_registration_is_the_one_stored_whatever_the_RAT_history_counts()
    {
        var registered = await Api.RegisterAsync(_client, Api.Registration(rats: Api.Rat(2024, "2025-03-15", present: 40, total: 56)));

        registered["memberCount"]!.GetValue<int>().ShouldBe(35);
        (await Api.GetAsync(_client, $"/api/registry/cooperatives/{registered["id"]}"))["memberCount"]!.GetValue<int>().ShouldBe(35);
    }
}
