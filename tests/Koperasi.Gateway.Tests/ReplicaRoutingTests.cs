using System.Net;

namespace Koperasi.Gateway.Tests;

/// <summary>
/// A service run as several replicas (<c>Services:Registry</c> lists their addresses, comma-separated,
/// as <c>./run.sh --replicas 2</c> sets it): the gateway spreads requests over them, leaves out one
/// that is not ready, and is ready itself while one replica of each service is.
/// </summary>
public class ReplicaRoutingTests
{
    [Fact]
    public async Task Requests_go_to_both_replicas()
    {
        await using var first = await FakeService.StartAsync("registry");
        await using var second = await FakeService.StartAsync("registry");
        await using var gateway = new GatewayHost(new Dictionary<string, string?> { ["Services:Registry"] = $"{first.Address},{second.Address}" });
        using var client = gateway.CreateClient();

        for (var i = 0; i < 10; i++)
        {
            using var response = await client.GetAsync(new Uri("/api/registry/cooperatives?replicas=spread", UriKind.Relative));
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        first.ApiRequestsWithQuery("replicas=spread").ShouldBeGreaterThan(0);
        second.ApiRequestsWithQuery("replicas=spread").ShouldBeGreaterThan(0);
        (first.ApiRequestsWithQuery("replicas=spread") + second.ApiRequestsWithQuery("replicas=spread")).ShouldBe(10);
    }

    [Fact]
    public async Task A_replica_that_is_not_ready_gets_no_requests_and_the_gateway_stays_ready()
    {
        await using var first = await FakeService.StartAsync("registry");
        await using var second = await FakeService.StartAsync("registry");
        second.Ready = false;
        await using var gateway = new GatewayHost(new Dictionary<string, string?> { ["Services:Registry"] = $"{first.Address},{second.Address}" });
        using var client = gateway.CreateClient();

        using (var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative)))
        {
            ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        // The active probe runs at start and every 5 s; after two failed probes in a row the second replica is left out.
        await Koperasi.Testing.Eventually.UntilAsync(
            async () =>
            {
                var before = second.ApiRequests;
                for (var i = 0; i < 4; i++)
                {
                    using var response = await client.GetAsync(new Uri("/api/registry/cooperatives?replicas=settling", UriKind.Relative));
                }

                return second.ApiRequests == before;
            },
            "the second replica to be left out",
            TimeSpan.FromSeconds(20));
        for (var i = 0; i < 10; i++)
        {
            using var response = await client.GetAsync(new Uri("/api/registry/cooperatives?replicas=ready", UriKind.Relative));
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        first.ApiRequestsWithQuery("replicas=ready").ShouldBe(10);
        second.ApiRequestsWithQuery("replicas=ready").ShouldBe(0);
    }

    [Fact]
    public async Task The_gateway_is_not_ready_when_no_replica_of_a_service_is()
    {
        await using var first = await FakeService.StartAsync("registry");
        await using var second = await FakeService.StartAsync("registry");
        first.Ready = false;
        second.Ready = false;
        await using var gateway = new GatewayHost(new Dictionary<string, string?> { ["Services:Registry"] = $"{first.Address},{second.Address}" });
        using var client = gateway.CreateClient();

        using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
    }
}
