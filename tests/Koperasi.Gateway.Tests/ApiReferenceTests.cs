using System.Net;
using System.Text.RegularExpressions;

namespace Koperasi.Gateway.Tests;

public partial class ApiReferenceTests(GatewayWithRegistry fixture)
{
    private readonly HttpClient _client = fixture.CreateClient();

    [Fact]
    public async Task The_reference_is_the_api_reference_listing_each_service_document_through_the_gateway()
    {
        using var response = await _client.GetAsync(new Uri("/reference", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var page = await response.Content.ReadAsStringAsync();
        page.ShouldContain("<title>Referensi API Koperasi");
        page.ShouldContain("\"url\":\"openapi/registry.json\"");
        page.ShouldContain("<script src=\"scalar.js\"");
    }

    [Fact]
    public async Task The_page_scripts_are_served_by_the_gateway_itself()
    {
        using var response = await _client.GetAsync(new Uri("/reference/scalar.js", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/javascript");
    }

    [Fact]
    public async Task Every_script_of_the_page_carries_the_nonce_its_content_security_policy_admits()
    {
        using var response = await _client.GetAsync(new Uri("/reference", UriKind.Relative));
        var page = await response.Content.ReadAsStringAsync();

        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        var nonce = PolicyNonce().Match(policy).Groups[1].Value;
        nonce.ShouldNotBeNullOrEmpty();
        var scripts = ScriptTag().Matches(page);
        scripts.Count.ShouldBeGreaterThan(0);
        scripts.ShouldAllBe(script => script.Value.Contains($"nonce=\"{nonce}\"", StringComparison.Ordinal));
        var scriptSources = policy.Split(';').Select(directive => directive.Trim()).Single(directive => directive.StartsWith("script-src ", StringComparison.Ordinal));
        scriptSources.ShouldNotContain("unsafe");
        policy.ShouldContain("connect-src 'self';");
    }

    [Fact]
    public async Task Each_answer_of_the_page_has_a_fresh_nonce()
    {
        using var first = await _client.GetAsync(new Uri("/reference", UriKind.Relative));
        using var second = await _client.GetAsync(new Uri("/reference", UriKind.Relative));

        var policies = new[] { first, second }.Select(r => PolicyNonce().Match(r.Headers.GetValues("Content-Security-Policy").Single()).Groups[1].Value).ToList();
        policies.ShouldAllBe(nonce => nonce.Length > 0);
        policies[0].ShouldNotBe(policies[1]);
    }

    [Theory]
    [InlineData("/reference/registry", HttpStatusCode.OK)]
    [InlineData("/reference/overview", HttpStatusCode.OK)]
    [InlineData("/reference/nothing-here", HttpStatusCode.NotFound)]
    [InlineData("/reference/reference", HttpStatusCode.NotFound)]
    public async Task Only_the_reference_the_overview_and_a_service_name_are_pages_of_the_reference(string path, HttpStatusCode expected)
    {
        using var response = await _client.GetAsync(new Uri(path, UriKind.Relative));

        response.StatusCode.ShouldBe(expected);
    }

    [GeneratedRegex("script-src 'self' 'nonce-([^']+)'")]
    private static partial Regex PolicyNonce();

    [GeneratedRegex("<script[^>]*>")]
    private static partial Regex ScriptTag();
}
