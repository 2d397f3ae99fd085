using System.Net.Http.Headers;
using System.Security.Cryptography;
using Koperasi.ServiceDefaults.Identity;

namespace Koperasi.Testing;

/// <summary>Tokens for the tests, signed with a key made for this run only.</summary>
public static class TestTokens
{
    public const string Issuer = "koperasi-test";
    public const string Audience = "koperasi-api-test";

    /// <summary>The run's signing key (base64), given to every host the tests start.</summary>
    public static string SigningKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static AuthSettings Settings(string? issuer = null, string? audience = null, string? signingKey = null) =>
        new() { Issuer = issuer ?? Issuer, Audience = audience ?? Audience, SigningKey = signingKey ?? SigningKey };

    /// <summary>
    /// A token valid for years around now, so tests that move a service's clock do not see it
    /// expire; the tests of expiry issue their own.
    /// </summary>
    public static string For(string role, params string[] regencies) =>
        new TokenIssuer(Settings(), TimeProvider.System).Issue($"test-{role}", role, regencies, TimeSpan.FromDays(3650), DateTimeOffset.UtcNow.AddDays(-1825));

    /// <summary>Sets the bearer token of a client.</summary>
    public static HttpClient As(this HttpClient client, string role, params string[] regencies)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", For(role, regencies));
        return client;
    }
}
