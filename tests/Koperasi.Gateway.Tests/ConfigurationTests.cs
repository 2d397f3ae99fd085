namespace Koperasi.Gateway.Tests;

public class ConfigurationTests
{
    [Theory]
    [InlineData("Services:Registry", "registry.local:5101", "is not an absolute http(s) address")]
    [InlineData("Services:Registry", "ftp://127.0.0.1/", "is not an absolute http(s) address")]
    [InlineData("Services:Registry_2", "http://127.0.0.1:5101/", "letters, digits and hyphens")]
    [InlineData("Services:Overview", "http://127.0.0.1:5101/", "the gateway's own overview document")]
    public void A_wrong_service_entry_stops_the_start_and_says_why(string key, string value, string reason)
    {
        using var gateway = new GatewayHost(new Dictionary<string, string?> { [key] = value });

        var failure = Should.Throw<InvalidOperationException>(() => gateway.Server);

        failure.Message.ShouldContain(key);
        failure.Message.ShouldContain(reason);
    }

    [Fact]
    public async Task A_service_with_an_empty_address_is_not_routed()
    {
        await using var registry = await FakeService.StartAsync("registry");
        await using var gateway = new GatewayHost(new Dictionary<string, string?> { ["Services:Registry"] = registry.Address.ToString(), ["Services:Transformation"] = "" });
        using var client = gateway.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/transformation/cases", UriKind.Relative));
        using var routed = await client.GetAsync(new Uri("/api/registry/cooperatives/7/rat", UriKind.Relative));

        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
        routed.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
    }

    [Fact]
    public void The_gateway_routes_to_every_service_by_default() =>
        GatewayHost.ConfiguredServices().Order().ShouldBe(["Funding", "Registry", "Transformation"]);
}
