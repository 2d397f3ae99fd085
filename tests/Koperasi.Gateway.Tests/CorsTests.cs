namespace Koperasi.Gateway.Tests;

public class CorsTests(GatewayWithRegistry fixture)
{
    private const string Origin = "https://dinas-koperasi.example";

    [Fact]
    public async Task A_preflight_from_another_origin_is_refused_by_default()
    {
        using var client = fixture.CreateClient();

        using var response = await client.SendAsync(Preflight(Origin));

        response.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
        response.Headers.Contains("Access-Control-Allow-Methods").ShouldBeFalse();
    }

    [Fact]
    public async Task A_call_from_another_origin_gets_no_permission_to_be_read_by_default()
    {
        using var client = fixture.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/registry/cooperatives");
        request.Headers.Add("Origin", Origin);

        using var response = await client.SendAsync(request);

        response.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
    }

    [Fact]
    public async Task Only_an_origin_allowed_in_configuration_may_call()
    {
        await using var registry = await FakeService.StartAsync("registry");
        await using var gateway = GatewayHost.For([registry], new Dictionary<string, string?> { ["Cors:AllowedOrigins:0"] = Origin });
        using var client = gateway.CreateClient();

        using var allowed = await client.SendAsync(Preflight(Origin));
        using var other = await client.SendAsync(Preflight("https://elsewhere.example"));

        allowed.Headers.GetValues("Access-Control-Allow-Origin").Single().ShouldBe(Origin);
        other.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/registry/cooperatives");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type");
        return request;
    }
}
