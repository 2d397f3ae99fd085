using System.Net;

namespace Koperasi.Gateway.Tests;

public class ReadinessTests
{
    [Fact]
    public async Task Ready_follows_the_readiness_of_the_service_behind()
    {
        await using var registry = await FakeService.StartAsync("registry");
        await using var gateway = GatewayHost.For(registry);
        using var client = gateway.CreateClient();

        (await StatusOf(client, "/health/ready")).ShouldBe(HttpStatusCode.OK);

        registry.Ready = false;
        (await StatusOf(client, "/health/ready")).ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await StatusOf(client, "/health/live")).ShouldBe(HttpStatusCode.OK);

        registry.Ready = true;
        (await StatusOf(client, "/health/ready")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Not_ready_while_one_of_the_services_is_not()
    {
        await using var registry = await FakeService.StartAsync("registry");
        await using var funding = await FakeService.StartAsync("funding");
        await using var gateway = GatewayHost.For(registry, funding);
        using var client = gateway.CreateClient();
        funding.Ready = false;

        (await StatusOf(client, "/health/ready")).ShouldBe(HttpStatusCode.ServiceUnavailable);
        registry.ReadinessProbes.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Not_ready_when_a_service_does_not_answer_while_the_gateway_itself_is_live()
    {
        await using var gateway = new GatewayHost(new Dictionary<string, string?> { ["Services:Registry"] = ClosedPort.Address().ToString() });
        using var client = gateway.CreateClient();

        (await StatusOf(client, "/health/ready")).ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await StatusOf(client, "/health/live")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_single_failed_probe_is_retried_before_the_service_counts_as_not_ready()
    {
        await using var registry = await FakeService.StartAsync("registry");
        await using var gateway = GatewayHost.For(registry);
        using var client = gateway.CreateClient();
        registry.FailNextReadinessProbes(1);

        (await StatusOf(client, "/health/ready")).ShouldBe(HttpStatusCode.OK);
        registry.ReadinessProbes.ShouldBe(2);
    }

    private static async Task<HttpStatusCode> StatusOf(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return response.StatusCode;
    }
}
