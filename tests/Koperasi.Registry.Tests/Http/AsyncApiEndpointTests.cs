using System.Net;
using Koperasi.ServiceDefaults.Messaging;

namespace Koperasi.Registry.Tests.Http;

/// <summary>The Registry serves the AsyncAPI document of what it publishes, without a token.</summary>
public class AsyncApiEndpointTests(RegistryHost registry) : IClassFixture<RegistryHost>
{
    [Fact]
    public async Task The_document_is_served_anonymously_as_generated()
    {
        using var anonymous = registry.CreateAnonymousClient();
        using var response = await anonymous.GetAsync(new Uri("/asyncapi/registry.json", UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldBe(AsyncApiDocument.Serialize(AsyncApiDocument.For("registry")!));
    }

    [Fact]
    public async Task Another_service_document_is_not_here()
    {
        using var anonymous = registry.CreateAnonymousClient();
        using var response = await anonymous.GetAsync(new Uri("/asyncapi/funding.json", UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }
}
