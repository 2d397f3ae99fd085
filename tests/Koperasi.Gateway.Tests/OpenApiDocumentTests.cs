using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Koperasi.Gateway.Tests;

public class OpenApiDocumentTests(GatewayWithRegistry fixture)
{
    private readonly HttpClient _client = fixture.CreateClient();

    [Fact]
    public async Task The_registry_document_is_served_under_the_service_name()
    {
        using var response = await _client.GetAsync(new Uri("/openapi/registry.json", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var document = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        document["info"]!["title"]!.GetValue<string>().ShouldBe("Koperasi registry API");
        document["paths"]!.AsObject().ShouldContainKey("/api/registry/cooperatives");
    }

    [Fact]
    public async Task The_document_names_the_gateway_as_its_server_not_the_internal_address()
    {
        var document = (await _client.GetFromJsonAsync<JsonObject>(new Uri("/openapi/registry.json", UriKind.Relative)))!;

        var servers = document["servers"]!.AsArray();
        servers.Count.ShouldBe(1);
        servers[0]!["url"]!.GetValue<string>().ShouldBe("/");
        document.ToJsonString().ShouldNotContain(fixture.Registry.Address.Authority);
    }

    [Fact]
    public async Task The_registry_AsyncAPI_document_is_forwarded_without_a_token()
    {
        using var anonymous = fixture.CreateClient();
        anonymous.DefaultRequestHeaders.Authorization = null;
        using var response = await anonymous.GetAsync(new Uri("/asyncapi/registry.json", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var document = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        document["asyncapi"]!.GetValue<string>().ShouldBe("3.0.0");
        document["info"]!["title"]!.GetValue<string>().ShouldBe("Koperasi registry integration events");
    }

    [Fact]
    public async Task The_gateway_has_no_document_of_its_own()
    {
        using var response = await _client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
