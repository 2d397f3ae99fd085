using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koperasi.Testing;

namespace Koperasi.Gateway.Tests;

/// <summary>
/// The API reference opens on an overview of the platform, not on whichever service sorts first:
/// a document of the gateway's own that says what each service behind it is for.
/// </summary>
public sealed class OverviewTests : IAsyncLifetime
{
    private FakeService[] _services = [];
    private GatewayHost _gateway = null!;

    public async ValueTask InitializeAsync()
    {
        _services = [await FakeService.StartAsync("funding"), await FakeService.StartAsync("registry"), await FakeService.StartAsync("transformation")];
        _gateway = GatewayHost.For(_services);
    }

    [Fact]
    public async Task The_reference_opens_on_the_overview_and_lists_the_services_after_it()
    {
        var page = await _gateway.CreateClient().GetStringAsync(new Uri("/reference", UriKind.Relative));

        page.ShouldContain("{\"title\":\"Overview\",\"url\":\"openapi/overview.json\",\"default\":true}");
        page.IndexOf("\"url\":\"openapi/overview.json\"", StringComparison.Ordinal)
            .ShouldBeLessThan(page.IndexOf("\"url\":\"openapi/funding.json\"", StringComparison.Ordinal));
        page.Split("\"default\":true").Length.ShouldBe(2, "exactly one document opens first");
    }

    [Fact]
    public async Task The_overview_says_what_each_service_is_for_and_where_its_API_is()
    {
        var client = _gateway.CreateClient();
        client.DefaultRequestHeaders.Authorization = null;

        using var response = await client.GetAsync(new Uri("/openapi/overview.json", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var introduction = (await response.Content.ReadFromJsonAsync<JsonObject>())!["info"]!["description"]!.GetValue<string>();
        var sections = introduction.Split("\n## ").Skip(1).ToDictionary(section => section[..section.IndexOf('\n', StringComparison.Ordinal)], StringComparer.Ordinal);
        sections.Keys.ShouldBe(["Funding", "Registry", "Transformation", "Calling the APIs"], ignoreOrder: true);
        sections["Registry"].ShouldContain("register of the province's koperasi");
        sections["Registry"].ShouldContain("/api/registry/");
        sections["Transformation"].ShouldContain("merger");
        sections["Transformation"].ShouldContain("amalgamation");
        sections["Funding"].ShouldContain("Dumisake");
        sections["Funding"].ShouldContain("openapi/funding.json");
        sections["Calling the APIs"].ShouldContain("bearer token");
    }

    [Fact]
    public async Task The_overview_passes_the_OpenAPI_linter()
    {
        Assert.SkipWhen(OpenApiLint.Tool is null && !OpenApiLint.Required, "Redocly CLI is not installed (test.sh installs it into .local/tools).");
        var document = await _gateway.CreateClient().GetFromJsonAsync<JsonObject>(new Uri("/openapi/overview.json", UriKind.Relative));

        var problems = await OpenApiLint.ProblemsAsync("overview", document!);

        problems.ShouldBeEmpty();
    }

    public async ValueTask DisposeAsync()
    {
        await _gateway.DisposeAsync();
        foreach (var service in _services)
        {
            await service.DisposeAsync();
        }
    }
}
