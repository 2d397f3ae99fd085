namespace Koperasi.ServiceDefaults.Identity;

/// <summary>Settings of the "Auth" configuration section: who issues the tokens the services accept.</summary>
public sealed class AuthSettings
{
    /// <summary>The <c>iss</c> every token must carry.</summary>
    public string Issuer { get; set; } = "";

    /// <summary>The <c>aud</c> every token must carry.</summary>
    public string Audience { get; set; } = "";

    /// <summary>
    /// Base64 of the HMAC-SHA256 key (at least 256 bits) that signs tokens, when the platform
    /// issues its own (development, tests, a province without an identity provider yet). Never
    /// committed: generated into .local/secrets in development, from the environment elsewhere.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>
    /// An OpenID Connect authority (the province's identity provider): its published keys
    /// verify the tokens instead of <see cref="SigningKey"/>.
    /// </summary>
    public string? Authority { get; set; }

    /// <summary>Tolerated clock difference between issuer and service.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The signing key's bytes; throws with a clear message when it is missing or weak.</summary>
    public byte[] SigningKeyBytes()
    {
        if (string.IsNullOrWhiteSpace(SigningKey))
        {
            throw new InvalidOperationException("Auth:SigningKey is not set (or set Auth:Authority to use an identity provider).");
        }

        var bytes = Convert.FromBase64String(SigningKey);
        return bytes.Length >= 32 ? bytes : throw new InvalidOperationException("Auth:SigningKey must be at least 256 bits (32 bytes, base64).");
    }
}
