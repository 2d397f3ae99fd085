using System.Net;

namespace Koperasi.Gateway.Tests;

public class SecurityHeadersTests(GatewayWithRegistry fixture)
{
    private readonly HttpClient _client = fixture.CreateClient();

    public static TheoryData<string> Paths =>
    [
        "/",
        "/api/registry/cooperatives",
        $"/api/registry/cooperatives/{Guid.Empty}",
        "/openapi/registry.json",
        "/health/live",
        "/nothing-here",
    ];

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Every_answer_carries_the_security_headers(string path)
    {
        using var response = await _client.GetAsync(new Uri(path, UriKind.Relative));

        Header(response, "X-Content-Type-Options").ShouldBe("nosniff");
        Header(response, "X-Frame-Options").ShouldBe("DENY");
        Header(response, "Referrer-Policy").ShouldBe("no-referrer");
        var policy = Header(response, "Content-Security-Policy");
        policy.ShouldStartWith("default-src 'none';");
        policy.ShouldContain("frame-ancestors 'none'");
    }

    [Fact]
    public async Task An_api_answer_may_load_nothing_whatever_the_service_sent()
    {
        using var response = await _client.GetAsync(new Uri("/api/registry/cooperatives", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        // The fake service answers X-Frame-Options: SAMEORIGIN; the front door's DENY replaces it.
        Header(response, "X-Frame-Options").ShouldBe("DENY");
        Header(response, "Content-Security-Policy").ShouldBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
    }

    private static string Header(HttpResponseMessage response, string name) =>
        (response.Headers.TryGetValues(name, out var values) ? values : response.Content.Headers.GetValues(name)).Single();
}
