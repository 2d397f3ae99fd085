using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Koperasi.Registry.Tests.Http;

public class ReportRatEndpointTests(RegistryHost registry) : IClassFixture<RegistryHost>
{
    private readonly HttpClient _client = registry.CreateClient();

    private Task<HttpResponseMessage> Report(JsonObject registered, JsonObject rat) =>
        Api.ReportRatAsync(_client, registered["id"]!, rat, registered["version"]);

    [Fact]
    public async Task A_late_RAT_is_accepted_and_flagged()
    {
        var registered = await Api.RegisterAsync(_client, Api.Registration(decreeDate: "2020-02-03"));

        using var response = await Report(registered, Api.Rat(2024, "2025-08-15"));

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        body["late"]!.GetValue<bool>().ShouldBeTrue();
        response.Headers.ETag!.Tag.ShouldBe($"\"{body["version"]}\"");
    }

    [Fact]
    public async Task A_RAT_brings_a_tidak_aktif_koperasi_back_to_aktif()
    {
        var registered = await Api.RegisterAsync(_client, Api.Registration(decreeDate: "2004-02-03"));
        registered["activity"]!.GetValue<string>().ShouldBe("tidak-aktif");

        using var response = await Report(registered, Api.Rat(2025, "2026-03-21"));

        (await response.Content.ReadFromJsonAsync<JsonObject>())!["activity"]!.GetValue<string>().ShouldBe("aktif");
        var read = await Api.GetAsync(_client, $"/api/registry/cooperatives/{registered["id"]}");
        read["activitySince"]!.GetValue<string>().ShouldBe("2026-03-21");
    }

    [Fact]
    public async Task A_second_report_for_a_year_answers_409_and_records_nothing()
    {
        var registered = await Api.RegisterAsync(_client, Api.Registration(rats: Api.Rat(2024, "2025-03-01")));

        using var response = await Report(registered, Api.Rat(2024, "2025-05-01"));

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await Api.ProblemAsync(response))["rule"]!.GetValue<string>().ShouldBe("rat-year-already-reported");
        (await Api.GetAsync(_client, $"/api/registry/cooperatives/{registered["id"]}"))["version"]!.GetValue<long>()
            .ShouldBe(registered["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_stale_If_Match_answers_409()
    {
        var registered = await Api.RegisterAsync(_client, Api.Registration());
        using var first = await Report(registered, Api.Rat(2023, "2024-03-01"));
        first.StatusCode.ShouldBe(HttpStatusCode.Created);

        using var stale = await Report(registered, Api.Rat(2024, "2025-03-01"));

        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await Api.ProblemAsync(stale))["rule"]!.GetValue<string>().ShouldBe("concurrency-conflict");
    }

    [Fact]
    public async Task Without_If_Match_the_report_answers_428_and_records_nothing()
    {
        var registered = await Api.RegisterAsync(_client, Api.Registration());

        using var response = await _client.PostAsJsonAsync($"/api/registry/cooperatives/{registered["id"]}/rat-reports", Api.Rat(2024, "2025-03-01"));

        response.StatusCode.ShouldBe(HttpStatusCode.PreconditionRequired);
        (await Api.ProblemAsync(response))["rule"]!.GetValue<string>().ShouldBe("if-match-required");
        (await Api.GetAsync(_client, $"/api/registry/cooperatives/{registered["id"]}"))["version"]!.GetValue<long>()
            .ShouldBe(registered["version"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("{\"financialYear\":2024,\"heldOn\":\"2025-03-01\",\"membersPresent\":50,\"membersTotal\":40,\"mode\":\"online\"}", 400, "membersPresent")]
    [InlineData("{\"financialYear\":2024,\"heldOn\":\"2025-13-01\",\"membersPresent\":5,\"membersTotal\":40,\"mode\":\"online\"}", 400, "heldOn")]
    [InlineData("{\"financialYear\":2024,\"heldOn\":\"2025-03-01\",\"membersPresent\":5,\"membersTotal\":40,\"mode\":\"zoom\"}", 400, "mode")]
    [InlineData("{\"financialYear\":2024,\"heldOn\":\"2025-03-01\",\"membersTotal\":40,\"mode\":\"online\"}", 400, "membersPresent")]
    [InlineData("{\"financialYear\":2026,\"heldOn\":\"2026-11-01\",\"membersPresent\":5,\"membersTotal\":40,\"mode\":\"online\"}", 422, "heldOn")]
    public async Task Bad_input_answers_4xx_naming_the_field(string body, int status, string field)
    {
        var registered = await Api.RegisterAsync(_client, Api.Registration());

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/registry/cooperatives/{registered["id"]}/rat-reports")
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{registered["version"]}\"");
        using var response = await _client.SendAsync(request);

        ((int)response.StatusCode).ShouldBe(status);
        Api.FieldsOf(await Api.ProblemAsync(response)).ShouldContain(field);
    }

    [Fact]
    public async Task Reporting_for_an_unknown_koperasi_answers_404()
    {
        using var response = await Api.ReportRatAsync(_client, Guid.NewGuid(), Api.Rat(2024, "2025-03-01"), version: 1);
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
