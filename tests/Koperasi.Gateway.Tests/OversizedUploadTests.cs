using System.Net;
using System.Text;
using Koperasi.Testing;

namespace Koperasi.Gateway.Tests;

/// <summary>
/// A chunked upload over the gateway's body limit is refused with 413, and the connection it came
/// on keeps working for the next request, whoever sends it: no 502 left behind.
/// </summary>
public sealed class OversizedUploadTests : IAsyncLifetime
{
    private FakeService _registry = null!;
    private GatewayHost _gateway = null!;

    public async ValueTask InitializeAsync()
    {
        _registry = await FakeService.StartAsync("registry");
        _gateway = GatewayHost.For([_registry], new Dictionary<string, string?> { ["Gateway:MaxRequestBodyBytes"] = "4096" });
        _gateway.UseKestrel(0);
        _gateway.StartServer();
    }

    public async ValueTask DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _registry.DisposeAsync();
    }

    [Fact]
    public async Task After_an_oversized_chunked_upload_is_refused_the_next_request_on_the_connection_is_served()
    {
        var client = _gateway.CreateClient();

        for (var attempt = 0; attempt < 3; attempt++)
        {
            using (var upload = new HttpRequestMessage(HttpMethod.Post, "/api/registry/imports"))
            {
                // A stream of unknown length goes out chunked: no Content-Length to refuse up front.
                upload.Content = new StreamContent(new UnknownLengthStream(Encoding.UTF8.GetBytes(new string('x', 256 * 1024))));
                upload.Content.Headers.ContentType = new("text/csv");
                using var refused = await client.SendAsync(upload);
                refused.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge, await refused.Content.ReadAsStringAsync());
                refused.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
            }

            using var next = await client.GetAsync(new Uri("/api/registry/cooperatives", UriKind.Relative));
            next.StatusCode.ShouldBe(HttpStatusCode.OK, await next.Content.ReadAsStringAsync());

            using var another = await _gateway.CreateClient().As("pembina", "1571").GetAsync(new Uri("/api/registry/cooperatives", UriKind.Relative));
            another.StatusCode.ShouldBe(HttpStatusCode.OK, await another.Content.ReadAsStringAsync());
        }
    }

    private sealed class UnknownLengthStream(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }
}
