using Koperasi.Console.SignIn;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace Koperasi.Console.Gateway;

/// <summary>An API answer: the value and its ETag, or the problem.</summary>
public sealed record Jawaban<T>(T? Value, string? ETag, Masalah? Problem)
{
    public bool Ok => Problem is null;

    /// <summary>The ETag as the forms carry it, without quotes or weak marker (<see cref="GatewayApi"/> puts the quotes back in If-Match).</summary>
    public string? FormTag => ETag?.Replace("W/", "", StringComparison.Ordinal).Trim('"');
}

/// <summary>
/// The console's only way to the services: HTTP through the gateway's front door, carrying the
/// signed-in user's own access token (read from the session cookie) and nothing else. The console
/// never holds a credential of its own, so it can show or do no more than the user's token allows.
/// </summary>
public sealed class GatewayApi(HttpClient http, IHttpContextAccessor accessor)
{
    // Not the services' strict options: the console reads only the members it shows, and ignores
    // the members it does not know (the services may add some) instead of failing on them.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task<Jawaban<T>> GetAsync<T>(string path, CancellationToken cancellationToken = default) =>
        SendAsync<T>(HttpMethod.Get, path, null, null, cancellationToken);

    /// <summary>A write; <paramref name="ifMatch"/> is the ETag the page showed (every step on an existing stream needs it).</summary>
    public Task<Jawaban<T>> PostAsync<T>(string path, object body, string? ifMatch = null, CancellationToken cancellationToken = default) =>
        SendAsync<T>(HttpMethod.Post, path, body, ifMatch, cancellationToken);

    public Task<Jawaban<T>> PatchAsync<T>(string path, object body, string? ifMatch = null, CancellationToken cancellationToken = default) =>
        SendAsync<T>(HttpMethod.Patch, path, body, ifMatch, cancellationToken);

    /// <summary>A write whose body is given as it goes (a file upload, e.g. multipart/form-data), not as JSON.</summary>
    public Task<Jawaban<T>> PostContentAsync<T>(string path, HttpContent content, CancellationToken cancellationToken = default) =>
        SendAsync<T>(HttpMethod.Post, path, content, null, cancellationToken);

    /// <summary>
    /// A GET whose answer is handed over as it arrives (a file to pass on to the browser), whatever its
    /// status; the caller disposes it. Throws <see cref="HttpRequestException"/> when the gateway is out of reach.
    /// </summary>
    public async Task<HttpResponseMessage> GetStreamingAsync(string path, CancellationToken cancellationToken = default)
    {
        using var request = await RequestAsync(HttpMethod.Get, path);
        return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    private async Task<HttpRequestMessage> RequestAsync(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if (await UserTokenAsync() is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    private async Task<Jawaban<T>> SendAsync<T>(HttpMethod method, string path, object? body, string? ifMatch, CancellationToken cancellationToken)
    {
        using var request = await RequestAsync(method, path);

        if (body is HttpContent content)
        {
            request.Content = content;
        }
        else if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        }

        if (!string.IsNullOrWhiteSpace(ifMatch))
        {
            var tag = ifMatch.Trim();
            request.Headers.TryAddWithoutValidation("If-Match", tag.StartsWith('"') || tag.StartsWith("W/", StringComparison.Ordinal) ? tag : $"\"{tag}\"");
        }

        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var etag = response.Headers.ETag?.ToString();
            if (response.IsSuccessStatusCode)
            {
                var value = response.Content.Headers.ContentLength == 0
                    ? default
                    : await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken);
                return new Jawaban<T>(value, etag, null);
            }

            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            return new Jawaban<T>(default, etag, Masalah.From((int)response.StatusCode, text));
        }
        catch (HttpRequestException)
        {
            return new Jawaban<T>(default, null, Masalah.From(503, null));
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new Jawaban<T>(default, null, Masalah.From(504, null));
        }
        catch (JsonException)
        {
            return new Jawaban<T>(default, null, Masalah.From(502, null));
        }
    }

    private async Task<string?> UserTokenAsync() =>
        accessor.HttpContext is { } context
            ? await context.GetTokenAsync(ConsoleAuth.CookieScheme, "access_token")
            : null;
}
