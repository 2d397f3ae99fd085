using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Koperasi.Registry.Tests.Http;

public class RegisterEndpointTests(RegistryHost registry) : IClassFixture<RegistryHost>
{
    private readonly HttpClient _client = registry.CreateClient();

    [Fact]
    public async Task Registering_answers_201_with_location_etag_and_the_koperasi()
    {
        using var response = await _client.PostAsJsonAsync("/api/registry/cooperatives", Api.Registration("Koperasi Tani Makmur"));

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        response.Headers.Location!.ToString().ShouldBe($"/api/registry/cooperatives/{body["id"]}");
        response.Headers.ETag!.Tag.ShouldBe($"\"{body["version"]}\"");
        body["name"]!.GetValue<string>().ShouldBe("Koperasi Tani Makmur");
        body["address"]!["regencyName"]!.GetValue<string>().ShouldBe("Kota Jambi");
        body["activity"]!.GetValue<string>().ShouldBe("aktif");
    }

    [Fact]
    public async Task The_registration_answers_the_koperasi_exactly_as_stored()
    {
        // The answer is folded from the registration's events, not read back (docs/benchmarks): it must be the stored document's.
        var registration = Api.Registration("Koperasi Serba Usaha Sama Persis");
        registration["nib"] = "91" + Random.Shared.NextInt64(10_000_000_000, 100_000_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var response = await _client.PostAsJsonAsync("/api/registry/cooperatives", registration);
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var answered = (await response.Content.ReadFromJsonAsync<JsonObject>())!;

        using var read = await _client.GetAsync(response.Headers.Location);

        read.StatusCode.ShouldBe(HttpStatusCode.OK);
        read.Headers.ETag!.Tag.ShouldBe(response.Headers.ETag!.Tag);
        (await read.Content.ReadFromJsonAsync<JsonObject>())!.ToJsonString().ShouldBe(answered.ToJsonString());
    }

    [Fact]
    public async Task Blank_optional_values_are_absent_neither_refused_nor_stored_blank()
    {
        var registration = Api.Registration();
        registration["address"]!["village"] = "  ";
        registration["address"]!["postalCode"] = "";
        registration["nib"] = " ";
        registration["contact"] = new JsonObject { ["phone"] = "", ["email"] = "\t" };

        var body = await Api.RegisterAsync(_client, registration);

        (body["address"]!["village"], body["address"]!["postalCode"], body["nib"], body["contact"]).ShouldBe((null, null, null, null));
    }

    [Fact]
    public async Task The_regency_code_is_accepted_in_either_spelling_and_stored_in_one()
    {
        var body = await Api.RegisterAsync(_client, Api.Registration(regency: "15.04"));
        body["address"]!["regencyCode"]!.GetValue<string>().ShouldBe("1504");
        body["address"]!["regencyName"]!.GetValue<string>().ShouldBe("Batang Hari");
    }

    [Fact]
    public async Task A_decree_number_already_registered_answers_409_however_it_is_spaced()
    {
        var first = Api.Registration();
        await Api.RegisterAsync(_client, first);
        var again = Api.Registration();
        again["legalEntity"]!["decreeNumber"] = " " + first["legalEntity"]!["decreeNumber"]!.GetValue<string>().ToLowerInvariant().Replace("/", " / ", StringComparison.Ordinal);

        using var response = await _client.PostAsJsonAsync("/api/registry/cooperatives", again);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await Api.ProblemAsync(response);
        problem["type"]!.GetValue<string>().ShouldBe("urn:koperasi:problem:decree-number-already-registered");
        Api.FieldsOf(problem).ShouldContain("legalEntity.decreeNumber");
    }

    [Fact]
    public async Task Two_registrations_of_one_decree_at_the_same_moment_store_one_koperasi()
    {
        var registration = Api.Registration();
        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => _client.PostAsJsonAsync("/api/registry/cooperatives", registration)));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(3);
        var name = Uri.EscapeDataString(registration["name"]!.GetValue<string>());
        (await Api.GetAsync(_client, $"/api/registry/cooperatives?q={name}"))["totalCount"]!.GetValue<long>().ShouldBe(1);
    }

    [Fact]
    public async Task A_broken_domain_rule_answers_422_typed_by_the_rule()
    {
        var registration = Api.Registration(decreeDate: "2022-03-01");
        registration["foundingMembers"] = 8;

        using var response = await _client.PostAsJsonAsync("/api/registry/cooperatives", registration);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = await Api.ProblemAsync(response);
        problem["type"]!.GetValue<string>().ShouldBe("urn:koperasi:problem:primer-needs-minimum-founders");
        problem["rule"]!.GetValue<string>().ShouldBe("primer-needs-minimum-founders");
        Api.FieldsOf(problem).ShouldContain("foundingMembers");
    }

    public static TheoryData<string, string, string, int> BadBodies => new()
    {
        { "malformed JSON", "application/json", "{\"name\": ", 400 },
        { "empty body", "application/json", "", 400 },
        { "wrong type", "application/json", Replace("foundingMembers", JsonValue.Create("sembilan")), 400 },
        { "unknown field", "application/json", Replace("colour", JsonValue.Create("merah")), 400 },
        { "null where required", "application/json", Replace("name", null), 400 },
        { "missing required", "application/json", Without("businessField"), 400 },
        { "unknown regency", "application/json", ReplaceIn("address", "regencyCode", "1599"), 400 },
        { "impossible date", "application/json", ReplaceIn("legalEntity", "decreeDate", "2023-02-30"), 400 },
        { "unknown type", "application/json", Replace("type", JsonValue.Create("koperasi-susu")), 400 },
        { "NIB not 13 digits", "application/json", Replace("nib", JsonValue.Create("12345")), 400 },
        { "members present over total", "application/json", WithRat(Api.Rat(2019, "2020-03-01", present: 50, total: 40)), 400 },
        { "not JSON", "text/plain", "nama=Koperasi", 415 },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_input_answers_4xx_problem_details_naming_the_field_and_stores_nothing(string @case, string contentType, string body, int status)
    {
        using var content = new StringContent(body, Encoding.UTF8, contentType);

        using var response = await _client.PostAsync(new Uri("/api/registry/cooperatives", UriKind.Relative), content);

        ((int)response.StatusCode).ShouldBe(status, @case);
        var problem = await Api.ProblemAsync(response);
        Api.FieldsOf(problem).ShouldNotBeEmpty(@case);
        if (contentType == "application/json" && body.Length > 0 && body.TrimEnd().EndsWith('}'))
        {
            var name = JsonNode.Parse(body)!["name"]?.GetValue<string>();
            if (name is not null)
            {
                var found = await Api.GetAsync(_client, $"/api/registry/cooperatives?q={Uri.EscapeDataString(name)}");
                found["totalCount"]!.GetValue<long>().ShouldBe(0, @case);
            }
        }
    }

    [Fact]
    public async Task Bad_input_names_the_exact_field()
    {
        using var wrongType = await _client.PostAsync(new Uri("/api/registry/cooperatives", UriKind.Relative), Json(Replace("foundingMembers", JsonValue.Create("sembilan"))));
        Api.FieldsOf(await Api.ProblemAsync(wrongType)).ShouldContain("foundingMembers");

        using var regency = await _client.PostAsync(new Uri("/api/registry/cooperatives", UriKind.Relative), Json(ReplaceIn("address", "regencyCode", "1599")));
        Api.FieldsOf(await Api.ProblemAsync(regency)).ShouldContain("address.regencyCode");

        using var date = await _client.PostAsync(new Uri("/api/registry/cooperatives", UriKind.Relative), Json(ReplaceIn("legalEntity", "decreeDate", "2023-02-30")));
        Api.FieldsOf(await Api.ProblemAsync(date)).ShouldContain("legalEntity.decreeDate");

        using var missing = await _client.PostAsync(new Uri("/api/registry/cooperatives", UriKind.Relative), Json(Without("businessField")));
        Api.FieldsOf(await Api.ProblemAsync(missing)).ShouldContain("businessField");
    }

    [Fact]
    public async Task An_oversized_body_answers_413()
    {
        var registration = Api.Registration();
        registration["businessField"] = new string('x', 2 * 1024 * 1024);

        using var response = await _client.PostAsJsonAsync("/api/registry/cooperatives", registration);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        Api.FieldsOf(await Api.ProblemAsync(response)).ShouldContain("body");
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static string Replace(string field, JsonNode? value)
    {
        var registration = Api.Registration();
        registration[field] = value;
        return registration.ToJsonString();
    }

    private static string ReplaceIn(string parent, string field, string value)
    {
        var registration = Api.Registration();
        registration[parent]![field] = value;
        return registration.ToJsonString();
    }

    private static string Without(string field)
    {
        var registration = Api.Registration();
        registration.Remove(field);
        return registration.ToJsonString();
    }

    private static string WithRat(JsonObject rat) => Api.Registration(rats: rat).ToJsonString();
}
