using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Koperasi.Transformation.Tests.Http;

/// <summary>Bad input answers 4xx with problem details naming the field, never 500, and changes nothing stored.</summary>
public class BadInputTests(TransformationHost host) : IClassFixture<TransformationHost>
{
    private readonly HttpClient _client = host.CreateClient();

    private const string Amalgamation = """
        {"participantIds":["{A}","{B}"],"newCooperative":{"name":"Koperasi Baru","form":"primer","type":"produsen","supervisionLevel":"kabupaten-kota",
         "domicile":{"street":"Jl. Gatot Subroto 8","kecamatan":"Jambi Timur","regencyCode":"{REGENCY}"},"businessField":"Pertanian"}}
        """;

    private async Task<HttpResponseMessage> PostAsync(string path, string body) =>
        await _client.PostAsync(new Uri($"{Api.Cases}{path}", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

    [Theory]
    [InlineData("""not json""", "body")]
    [InlineData("""{"survivorId":""", "survivorId")]
    [InlineData("""{"survivorId":5,"absorbedIds":[]}""", "survivorId")]
    [InlineData("""{"survivorId":"not-a-guid","absorbedIds":[]}""", "survivorId")]
    [InlineData("""{"absorbedIds":["0199a3c4-5e61-7a2b-8c3d-4e5f6a7b8c9d"]}""", "survivorId")]
    [InlineData("""{"survivorId":"0199a3c4-2f10-7c3a-8d55-6b1e2f3a4b5c","absorbedIds":["0199a3c4-5e61-7a2b-8c3d-4e5f6a7b8c9d"],"survivor":"x"}""", "survivor")]
    [InlineData("""{"survivorId":"0199a3c4-2f10-7c3a-8d55-6b1e2f3a4b5c","absorbedIds":["0199a3c4-5e61-7a2b-8c3d-4e5f6a7b8c9d"],"proposedOn":"2026-02-30"}""", "proposedOn")]
    [InlineData("""{"survivorId":"00000000-0000-0000-0000-000000000000","absorbedIds":["0199a3c4-5e61-7a2b-8c3d-4e5f6a7b8c9d"]}""", "survivorId")]
    [InlineData("""{"survivorId":"0199a3c4-2f10-7c3a-8d55-6b1e2f3a4b5c","absorbedIds":null}""", "absorbedIds")]
    public async Task A_malformed_merger_answers_400_naming_the_field(string body, string field)
    {
        using var response = await PostAsync("/mergers", body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        Api.FieldsOf(await Api.ProblemAsync(response)).ShouldContain(field);
    }

    [Theory]
    [InlineData("9999", "newCooperative.domicile.regencyCode")]
    [InlineData("15.99", "newCooperative.domicile.regencyCode")]
    public async Task An_unknown_regency_answers_400_and_claims_nobody(string regency, string field)
    {
        var (a, b) = (await RegistryFacts.RegisterAsync(host), await RegistryFacts.RegisterAsync(host));

        using var response = await PostAsync("/amalgamations", Amalgamation.Replace("{A}", a.ToString()).Replace("{B}", b.ToString()).Replace("{REGENCY}", regency));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        Api.FieldsOf(await Api.ProblemAsync(response)).ShouldContain(field);
        (await Api.GetAsync(_client, $"/api/transformation/cooperatives/{a}"))["mayTakePart"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task An_unknown_kind_of_koperasi_answers_400_naming_the_field()
    {
        using var response = await PostAsync("/amalgamations", Amalgamation.Replace("{A}", Guid.NewGuid().ToString()).Replace("{B}", Guid.NewGuid().ToString())
            .Replace("{REGENCY}", "1571").Replace("\"produsen\"", "\"perikanan\""));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        Api.FieldsOf(await Api.ProblemAsync(response)).ShouldContain("newCooperative.type");
    }

    [Theory]
    [InlineData(120, 100, 70, 5, "membersPresent")]
    [InlineData(80, 100, 70, 20, "votesFor")]
    [InlineData(0, 0, 0, 0, "membersTotal")]
    [InlineData(-1, 100, 0, 0, "membersPresent")]
    [InlineData(80, 100, 70, -5, "votesAgainst")]
    public async Task A_meeting_whose_numbers_make_no_sense_answers_400_and_changes_nothing(int present, int total, int votesFor, int against, string field)
    {
        var (a, b) = (await RegistryFacts.RegisterAsync(host), await RegistryFacts.RegisterAsync(host));
        var proposed = await Api.ProposeAsync(_client, "mergers", Api.Merger(a, b));

        using var response = await Api.StepAsync(_client, proposed, "meetings", Api.Meeting(a, present: present, total: total, votesFor: votesFor, against: against));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        Api.FieldsOf(await Api.ProblemAsync(response)).ShouldContain(field);
        (await Api.CaseAsync(_client, proposed))["version"]!.GetValue<long>().ShouldBe(1);
    }

    [Theory]
    [InlineData("meetings", """{"cooperativeId":"0199a3c4-2f10-7c3a-8d55-6b1e2f3a4b5c","heldOn":"2026-13-01","membersPresent":1,"membersTotal":1,"votesFor":1,"votesAgainst":0}""", "heldOn")]
    [InlineData("meetings", """{"cooperativeId":"0199a3c4-2f10-7c3a-8d55-6b1e2f3a4b5c","heldOn":"2026-07-01","membersPresent":"eighty","membersTotal":1,"votesFor":1,"votesAgainst":0}""", "membersPresent")]
    [InlineData("deed", """{"number":"14","date":"2026-09-02"}""", "notary")]
    [InlineData("deed", """{"number":"  ","date":"2026-09-02","notary":"Notaris"}""", "number")]
    [InlineData("ratification", """{"decreeNumber":"AHU-1","decreeDate":"15-10-2026"}""", "decreeDate")]
    [InlineData("withdrawal", """{"reason":""}""", "reason")]
    [InlineData("withdrawal", """{"reason":"Ditunda","force":true}""", "force")]
    public async Task A_malformed_step_answers_400_naming_the_field_and_changes_nothing(string step, string body, string field)
    {
        var (a, b) = (await RegistryFacts.RegisterAsync(host), await RegistryFacts.RegisterAsync(host));
        var proposed = await Api.ProposeAsync(_client, "mergers", Api.Merger(a, b));
        var request = new HttpRequestMessage(HttpMethod.Post, $"{Api.Cases}/{proposed["id"]}/{step}") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");

        using var response = await _client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        Api.FieldsOf(await Api.ProblemAsync(response)).ShouldContain(field);
        (await Api.CaseAsync(_client, proposed))["version"]!.GetValue<long>().ShouldBe(1);
    }

    [Theory]
    [InlineData("\"abc\"")]
    [InlineData("\"0\"")]
    [InlineData("*")]
    public async Task An_If_Match_that_is_no_version_answers_400(string ifMatch)
    {
        var (a, b) = (await RegistryFacts.RegisterAsync(host), await RegistryFacts.RegisterAsync(host));
        var proposed = await Api.ProposeAsync(_client, "mergers", Api.Merger(a, b));
        var request = new HttpRequestMessage(HttpMethod.Post, $"{Api.Cases}/{proposed["id"]}/withdrawal") { Content = System.Net.Http.Json.JsonContent.Create(new JsonObject { ["reason"] = "x" }) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);

        using var response = await _client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        Api.FieldsOf(await Api.ProblemAsync(response)).ShouldContain("If-Match");
    }

    [Theory]
    [InlineData("/api/transformation/cases?state=open", "state")]
    [InlineData("/api/transformation/cases?kind=division", "kind")]
    [InlineData("/api/transformation/cases?regency=9999", "regency")]
    [InlineData("/api/transformation/cases?year=abc", "year")]
    [InlineData("/api/transformation/cases?year=20260", "year")]
    [InlineData("/api/transformation/cases?pageSize=1000", "pageSize")]
    [InlineData("/api/transformation/cooperatives?regency=15.99", "regency")]
    [InlineData("/api/transformation/statistics?year=abc", "year")]
    [InlineData("/api/transformation/statistics?year=1800", "year")]
    public async Task A_bad_query_answers_400_naming_the_parameter(string url, string field)
    {
        using var response = await _client.GetAsync(new Uri(url, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        Api.FieldsOf(await Api.ProblemAsync(response)).ShouldContain(field);
    }

    [Theory]
    [InlineData("/api/transformation/cases/0199a3c4-2f10-7c3a-8d55-6b1e2f3a4b5c")]
    [InlineData("/api/transformation/cooperatives/0199a3c4-2f10-7c3a-8d55-6b1e2f3a4b5c")]
    public async Task An_unknown_id_answers_404(string url)
    {
        using var response = await _client.GetAsync(new Uri(url, UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        Api.Text((await Api.ProblemAsync(response))["type"]).ShouldBe("urn:koperasi:problem:not-found");
    }

    [Fact]
    public async Task A_body_of_another_media_type_answers_415()
    {
        using var response = await _client.PostAsync(new Uri($"{Api.Cases}/mergers", UriKind.Relative), new StringContent("survivor=1", Encoding.UTF8, "text/plain"));
        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        Api.FieldsOf(await Api.ProblemAsync(response)).ShouldContain("Content-Type");
    }
}
