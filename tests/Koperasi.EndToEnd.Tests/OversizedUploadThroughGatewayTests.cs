using System.Net;
using System.Text;
using Koperasi.ServiceDefaults.Identity;
using Koperasi.Testing;

namespace Koperasi.EndToEnd.Tests;

/// <summary>
/// An oversized chunked body through the real gateway to the real services, refused either by the
/// gateway while it already streams the body to the Registry (a CSV import over the gateway's
/// 32 MiB) or by the Registry behind it (a JSON write over its 1 MiB), sent quickly and slowly:
/// it answers 413 as a problem, and the next requests, on the same connection and on others, are
/// served: no 502 from a pooled connection to the service left mid-body.
/// </summary>
[Collection(ReadmePlatformCollection.Name)]
public sealed class OversizedUploadThroughGatewayTests(ReadmePlatform platform)
{
    public static TheoryData<string, string, int, bool> Uploads => new()
    {
        { "/api/registry/imports", "text/csv", 33 * 1024 * 1024, false },
        { "/api/registry/imports", "text/csv", 33 * 1024 * 1024, true },
        { "/api/registry/cooperatives", "application/json", 2 * 1024 * 1024, false },
        { "/api/registry/cooperatives", "application/json", 2 * 1024 * 1024, true },
    };

    [Theory]
    [MemberData(nameof(Uploads))]
    public async Task After_an_oversized_chunked_upload_is_refused_the_next_requests_are_served(string path, string mediaType, int size, bool slowly)
    {
        // One connection to the gateway, so "the next request" surely reuses it.
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1 }) { BaseAddress = platform.GatewayAddress }
            .As(KoperasiRoles.AdminProvinsi);
        using var other = new HttpClient { BaseAddress = platform.GatewayAddress }.As(KoperasiRoles.Pembina, "1571");

        for (var attempt = 0; attempt < 3; attempt++)
        {
            using (var upload = new HttpRequestMessage(HttpMethod.Post, path))
            {
                upload.Content = new ChunkedContent(size, slowly);
                upload.Content.Headers.ContentType = new(mediaType);
                upload.Headers.TransferEncodingChunked = true;
                HttpResponseMessage? refused = null;
                try
                {
                    refused = await client.SendAsync(upload, TestContext.Current.CancellationToken);
                }
                catch (HttpRequestException) when (slowly)
                {
                    // The gateway answered 413 and closed the connection while this client was still
                    // sending (HTTP allows it): the client sees the broken pipe, never a 502.
                }

                if (refused is not null)
                {
                    using var _ = refused;
                    refused.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge, await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
                    refused.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
                }
            }

            // At once, the same caller on the same connection, a write and a read, and another caller.
            var next = await Task.WhenAll(
                StatusAsync(client, HttpMethod.Post, "/api/registry/cooperatives", "{\"name\": "),
                StatusAsync(client, HttpMethod.Get, "/api/registry/cooperatives"),
                StatusAsync(other, HttpMethod.Get, "/api/registry/cooperatives"),
                StatusAsync(other, HttpMethod.Get, "/api/registry/cooperatives?regency=1571"));
            next.ShouldBe([HttpStatusCode.BadRequest, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], $"attempt {attempt}");
        }
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, HttpMethod method, string url, string? body = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    /// <summary>A body of unknown length (so it goes out chunked), written in 64 KiB pieces, with a pause between them when slow.</summary>
    private sealed class ChunkedContent(int size, bool slowly) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var piece = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("nama,nomor\nKoperasi Contoh,123\n", 2200)))[..(64 * 1024)];
            for (var sent = 0; sent < size; sent += piece.Length)
            {
                await stream.WriteAsync(piece);
                await stream.FlushAsync();
                if (slowly)
                {
                    await Task.Delay(2);
                }
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
