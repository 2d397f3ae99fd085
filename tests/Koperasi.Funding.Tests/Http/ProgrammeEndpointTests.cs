using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Koperasi.Funding.Tests.Http;

public class ProgrammeEndpointTests(FundingHost funding) : IClassFixture<FundingHost>
{
    private readonly HttpClient _admin = funding.CreateClient();

    private static HttpRequestMessage Patch(string id, object? version, JsonObject body)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/funding/programmes/{id}") { Content = JsonContent.Create(body) };
        if (version is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        }

        return request;
    }

    [Fact]
    public async Task A_programme_opens_with_the_configured_eligibility_defaults_where_the_request_says_nothing()
    {
        var programme = await Api.OpenProgrammeAsync(_admin, Api.Programme(quotas: new JsonObject { ["15.03"] = 10 }));

        var eligibility = programme["eligibility"]!;
        eligibility["womenOnlyCategories"]!.AsArray().Select(c => c!.GetValue<string>()).ShouldBe(["mak-mak"]);
        eligibility["ageRanges"]![0]!["minAge"]!.GetValue<int>().ShouldBe(18);
        eligibility["ageRanges"]![0]!["maxAge"]!.GetValue<int>().ShouldBe(39);
        eligibility["grantLimit"]!.GetValue<string>().ShouldBe("per-year");
        eligibility["excludedOccupations"]!.AsArray().Select(o => o!.GetValue<string>())
            .ShouldBe(["civil-servant", "soldier", "police-officer", "state-company-employee"]);
        eligibility["excludeKurDebtors"]!.GetValue<bool>().ShouldBeTrue();
        programme["regencyQuotas"]!["1503"]!.GetValue<int>().ShouldBe(10);
        programme["version"]!.GetValue<long>().ShouldBe(1);
    }

    [Fact]
    public async Task One_programme_per_year()
    {
        var body = Api.Programme();
        await Api.OpenProgrammeAsync(_admin, body);

        using var second = await _admin.PostAsJsonAsync("/api/funding/programmes", body);

        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await Api.ProblemAsync(second))["rule"]!.GetValue<string>().ShouldBe("programme-year-taken");
    }

    [Theory]
    [InlineData("budget", "0", "budget")]
    [InlineData("targetRecipients", "0", "targetRecipients")]
    [InlineData("year", "1999", "year")]
    [InlineData("categories", "[]", "categories")]
    [InlineData("categories", """[{"code":"Mak Mak","name":"x","amount":1}]""", "categories[0].code")]
    [InlineData("categories", """[{"code":"a","name":"x","amount":1},{"code":"a","name":"y","amount":2}]""", "categories")]
    [InlineData("window", """{"opens":"2026-05-01","closes":"2026-04-01"}""", "window")]
    [InlineData("regencyQuotas", """{"3201":5}""", "regencyQuotas")]
    [InlineData("eligibility", """{"grantLimit":"sometimes"}""", "eligibility.grantLimit")]
    [InlineData("eligibility", """{"ageRanges":[{"category":"milenial","minAge":40,"maxAge":18}]}""", "eligibility.ageRanges[0]")]
    [InlineData("unexpected", "1", "unexpected")]
    public async Task Bad_input_answers_400_naming_the_field_and_opens_nothing(string property, string json, string field)
    {
        var body = Api.Programme();
        body[property] = JsonNode.Parse(json);

        using var response = await _admin.PostAsJsonAsync("/api/funding/programmes", body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        Api.FieldsOf(await Api.ProblemAsync(response)).ShouldContain(field);
        var list = await _admin.GetFromJsonAsync<JsonArray>("/api/funding/programmes");
        list!.Select(p => p!["year"]!.GetValue<int>()).ShouldNotContain(body["year"]!.GetValue<int>());
    }

    [Fact]
    public async Task Rules_about_a_category_the_programme_lacks_answer_422()
    {
        var body = Api.Programme(eligibility: new JsonObject { ["womenOnlyCategories"] = new JsonArray("ibu-rumah-tangga") });
        using var response = await _admin.PostAsJsonAsync("/api/funding/programmes", body);
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await Api.ProblemAsync(response))["rule"]!.GetValue<string>().ShouldBe("eligibility-names-unknown-category");
    }

    [Fact]
    public async Task A_change_needs_If_Match_and_a_stale_one_changes_nothing()
    {
        var programme = await Api.OpenProgrammeAsync(_admin);
        var id = Api.Id(programme);
        var change = new JsonObject { ["budget"] = 2_000_000_000, ["eligibility"] = new JsonObject { ["excludeKurDebtors"] = false } };

        using var without = await _admin.SendAsync(Patch(id, null, change));
        without.StatusCode.ShouldBe((HttpStatusCode)428);

        using var changed = await _admin.SendAsync(Patch(id, 1, change));
        changed.StatusCode.ShouldBe(HttpStatusCode.OK, await changed.Content.ReadAsStringAsync());
        changed.Headers.ETag!.Tag.ShouldBe("\"3\"");

        using var stale = await _admin.SendAsync(Patch(id, 1, new JsonObject { ["targetRecipients"] = 5 }));
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var after = await Api.GetAsync(_admin, $"/api/funding/programmes/{id}");
        (after["budget"]!.GetValue<decimal>(), after["targetRecipients"]!.GetValue<int>(), after["eligibility"]!["excludeKurDebtors"]!.GetValue<bool>())
            .ShouldBe((2_000_000_000m, 100, false));
        after["eligibility"]!["grantLimit"]!.GetValue<string>().ShouldBe("per-year");
    }
}
