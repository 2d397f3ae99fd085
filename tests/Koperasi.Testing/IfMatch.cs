using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Koperasi.Testing;

/// <summary>
/// A write to an existing stream as a client sends it (ADR 0013): If-Match with the ETag of the
/// resource, read just before. A caller that cannot read the resource (unknown id, another
/// regency) sends version 1, so the answer is the step's own refusal (404, 403), not 428.
/// </summary>
public static class IfMatch
{
    /// <summary>The resource a write acts on: <c>/api/{service}/{collection}/{id}</c> of its URL.</summary>
    public static string ResourceOf(string url) => string.Join('/', url.Split('/').Take(5));

    /// <summary>The resource's ETag as this caller reads it, or <c>"1"</c> when it cannot.</summary>
    public static async Task<string> ETagAsync(HttpClient client, string resource)
    {
        using var read = await client.GetAsync(new Uri(resource, UriKind.Relative));
        return read.IsSuccessStatusCode && read.Headers.ETag is { } etag ? etag.Tag : "\"1\"";
    }

    /// <summary>Posts <paramref name="body"/> to <paramref name="url"/> with If-Match: the version given, or the resource's current ETag.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, JsonNode? body, long? version = null)
    {
        var etag = version is { } v ? $"\"{v}\"" : await ETagAsync(client, ResourceOf(url));
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return await client.SendAsync(request);
    }
}
