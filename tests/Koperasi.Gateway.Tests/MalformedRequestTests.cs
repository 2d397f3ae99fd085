using System.Net;
using Koperasi.Testing;

namespace Koperasi.Gateway.Tests;

/// <summary>
/// The corpus of malformed requests (<see cref="MalformedRequests"/>) sent through the gateway: it
/// answers none with a 5xx, and refuses a control character in the query itself, before forwarding.
/// </summary>
public class MalformedRequestTests(GatewayWithRegistry fixture)
{
    private readonly HttpClient _client = fixture.CreateClient();

    [Fact]
    public async Task No_malformed_body_or_query_gets_a_server_error_through_the_gateway()
    {
        var requests = MalformedRequests.WholeBodies
            .Select(b => new MalformedRequest("POST", "/api/registry/cooperatives", b.Breaks, b.Body, "application/json"))
            .Concat(MalformedRequests.Queries.Select(q => new MalformedRequest("GET", "/api/registry/cooperatives" + q.Query, q.Breaks, "", "")))
            .ToList();

        var failures = await MalformedRequests.FailuresAsync(_client, requests);

        failures.ShouldBeEmpty(string.Join("\n", failures));
    }

    [Fact]
    public async Task A_NUL_character_in_the_query_is_refused_at_the_gateway_and_not_forwarded()
    {
        using var response = await _client.GetAsync(new Uri("/api/registry/cooperatives?q=%00", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync()).ShouldContain("\"q\"");
        fixture.Registry.ApiRequestsWithQuery("%00").ShouldBe(0, "the request with a NUL character reached the service");
    }
}
