using System.Net;
using Koperasi.Testing;

namespace Koperasi.Gateway.Tests;

/// <summary>The front door refuses a request without a valid token before it reaches any service.</summary>
public class AccessTests(GatewayWithRegistry fixture)
{
    private static readonly string[] Anonymous =
    [
        "GET /reference/{documentName?}",
        "GET /reference/favicon.svg",
        "GET /reference/scalar.aspnetcore.js",
        "GET /reference/scalar.js",
        // The console's sign-in page (and its form post), its sign-out and its style sheet.
        "GET /masuk",
        "POST /masuk",
        "POST /keluar",
        "GET /aset/konsol.css",
        "GET /health/live",
        "GET /health/ready",
        "GET /metrics",
        "GET /openapi/overview.json",
        "GET /openapi/registry.json",
        "HEAD /openapi/registry.json",
        "GET /asyncapi/registry.json",
        "HEAD /asyncapi/registry.json",
    ];

    [Fact]
    public async Task The_anonymous_endpoints_are_the_API_reference_health_and_metrics()
    {
        var endpoints = await EndpointCatalog.ReadAsync(fixture.Gateway.Services);
        endpoints.Where(e => e.Anonymous).Select(e => e.ToString()).Order().ShouldBe(Anonymous.Order());
    }

    [Fact]
    public async Task Every_other_route_answers_401_without_a_token_and_the_service_sees_nothing()
    {
        // A console page has no token to refuse: without a session it sends the browser to sign in.
        var client = fixture.Gateway.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = null;
        var protectedEndpoints = (await EndpointCatalog.ReadAsync(fixture.Gateway.Services)).Where(e => !e.Anonymous).ToList();
        protectedEndpoints.ShouldNotBeEmpty();
        var seenBefore = fixture.Registry.ApiRequests;

        foreach (var endpoint in protectedEndpoints)
        {
            using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.SampleUrl()));
            if (Koperasi.Console.ConsoleExtensions.IsConsolePath(new Microsoft.AspNetCore.Http.PathString(endpoint.SampleUrl().Split('?')[0])))
            {
                response.StatusCode.ShouldBe(HttpStatusCode.Found, endpoint.ToString());
                response.Headers.Location!.AbsolutePath.ShouldBe("/masuk", endpoint.ToString());
                continue;
            }

            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, endpoint.ToString());
        }

        fixture.Registry.ApiRequests.ShouldBe(seenBefore);
    }

    [Fact]
    public async Task A_token_of_another_issuer_is_refused_at_the_door()
    {
        var client = fixture.CreateClient();
        var forged = new ServiceDefaults.Identity.TokenIssuer(TestTokens.Settings(issuer: "https://penipu.example"), TimeProvider.System).Issue("x", "admin-provinsi");
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", forged);

        using var response = await client.GetAsync(new Uri("/api/registry/cooperatives", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
