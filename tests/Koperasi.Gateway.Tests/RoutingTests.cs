using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Koperasi.Gateway.Tests;

public class RoutingTests(GatewayWithRegistry fixture)
{
    private readonly HttpClient _client = fixture.CreateClient();

    public static TheoryData<string, int> MethodsAndStatuses => new()
    {
        { "GET", 200 },
        { "POST", 201 },
        { "PUT", 200 },
        { "PATCH", 200 },
        { "DELETE", 204 },
    };

    [Theory]
    [MemberData(nameof(MethodsAndStatuses))]
    public async Task A_registry_call_reaches_the_registry_with_method_path_query_and_body_unchanged(string method, int status)
    {
        const string body = """{"name":"Koperasi Tani Makmur","memberCount":35}""";
        using var request = new HttpRequestMessage(new HttpMethod(method), "/api/registry/cooperatives/7/rat?year=2025&q=tani%20makmur");
        request.Headers.Add(FakeService.StatusHeader, status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (method != "GET" && method != "DELETE")
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await _client.SendAsync(request);

        ((int)response.StatusCode).ShouldBe(status);
        if (status == 204)
        {
            return;
        }

        var echoed = (await response.Content.ReadFromJsonAsync<Echoed>())!;
        echoed.Method.ShouldBe(method);
        echoed.Path.ShouldBe("/api/registry/cooperatives/7/rat");
        echoed.Query.ShouldBe("?year=2025&q=tani%20makmur");
        echoed.Body.ShouldBe(request.Content is null ? "" : body);
        if (request.Content is not null)
        {
            echoed.ContentType.ShouldBe("application/json; charset=utf-8");
        }
    }

    [Fact]
    public async Task A_problem_from_the_registry_reaches_the_caller_as_it_was_sent()
    {
        var id = Guid.NewGuid();

        using var response = await _client.GetAsync(new Uri($"/api/registry/cooperatives/{id}", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        problem["type"]!.GetValue<string>().ShouldBe("urn:koperasi:problem:cooperative-not-found");
        problem["detail"]!.GetValue<string>().ShouldBe($"No cooperative has the id {id}.");
    }

    [Fact]
    public async Task A_body_larger_than_a_json_endpoint_takes_still_reaches_the_service()
    {
        // A CSV upload is the service's to accept or refuse, not the gateway's.
        var csv = new string('x', 3 * 1024 * 1024);
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");

        using var response = await _client.PostAsync(new Uri("/api/registry/cooperatives/import", UriKind.Relative), content);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<Echoed>())!.Body.Length.ShouldBe(csv.Length);
    }

    [Fact]
    public async Task A_path_of_no_configured_service_is_not_found_at_the_gateway()
    {
        using var response = await _client.GetAsync(new Uri("/api/transformation/cases", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_service_added_in_configuration_alone_is_routed_and_listed()
    {
        await using var registry = await FakeService.StartAsync("registry");
        await using var funding = await FakeService.StartAsync("funding");
        await using var gateway = GatewayHost.For(registry, funding);
        using var client = gateway.CreateClient();

        var echoed = await client.GetFromJsonAsync<Echoed>(new Uri("/api/funding/programs?year=2026", UriKind.Relative));
        var document = await client.GetFromJsonAsync<JsonObject>(new Uri("/openapi/funding.json", UriKind.Relative));
        var page = await client.GetStringAsync(new Uri("/reference", UriKind.Relative));

        echoed!.Path.ShouldBe("/api/funding/programs");
        echoed.Query.ShouldBe("?year=2026");
        document!["info"]!["title"]!.GetValue<string>().ShouldBe("Koperasi funding API");
        page.ShouldContain("openapi/funding.json");
        page.ShouldContain("openapi/registry.json");
    }

    [Fact]
    public async Task A_service_given_an_empty_address_is_left_out()
    {
        await using var registry = await FakeService.StartAsync("registry");
        await using var gateway = GatewayHost.For([registry], new Dictionary<string, string?> { ["Services:Funding"] = "" });
        using var client = gateway.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/funding/programmes", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetStringAsync(new Uri("/reference", UriKind.Relative))).ShouldNotContain("openapi/funding.json");
    }

    [Fact]
    public async Task A_service_that_does_not_answer_gives_a_503_problem_naming_it_with_retry_after()
    {
        await using var gateway = new GatewayHost(new Dictionary<string, string?> { ["Services:Registry"] = ClosedPort.Address().ToString() });
        using var client = gateway.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/registry/cooperatives", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(5));
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        problem["type"]!.GetValue<string>().ShouldBe("urn:koperasi:problem:service-unavailable");
        problem["service"]!.GetValue<string>().ShouldBe("registry");
    }
}
