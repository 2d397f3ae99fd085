using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Koperasi.ServiceDefaults.Identity;
using Koperasi.Testing;

namespace Koperasi.Registry.Tests.Security;

/// <summary>Only a token the platform's issuer signed for this audience, and still valid, gets in.</summary>
public class TokenValidationTests(RegistryHost registry) : IClassFixture<RegistryHost>
{
    private const string Url = "/api/registry/regencies";

    private async Task<HttpStatusCode> CallWith(string token)
    {
        var client = registry.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.GetAsync(new Uri(Url, UriKind.Relative));
        return response.StatusCode;
    }

    private static string Issue(AuthSettings settings, TimeSpan? lifetime = null, DateTimeOffset? notBefore = null) =>
        new TokenIssuer(settings, TimeProvider.System).Issue("uji", KoperasiRoles.AdminProvinsi, [], lifetime ?? TimeSpan.FromHours(1), notBefore);

    [Fact]
    public async Task A_valid_token_is_accepted() =>
        (await CallWith(Issue(TestTokens.Settings()))).ShouldBe(HttpStatusCode.OK);

    [Fact]
    public async Task A_token_of_another_issuer_is_refused() =>
        (await CallWith(Issue(TestTokens.Settings(issuer: "https://penipu.example")))).ShouldBe(HttpStatusCode.Unauthorized);

    [Fact]
    public async Task A_token_for_another_audience_is_refused() =>
        (await CallWith(Issue(TestTokens.Settings(audience: "aplikasi-lain")))).ShouldBe(HttpStatusCode.Unauthorized);

    [Fact]
    public async Task A_token_signed_with_another_key_is_refused() =>
        (await CallWith(Issue(TestTokens.Settings(signingKey: Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)))))).ShouldBe(HttpStatusCode.Unauthorized);

    [Fact]
    public async Task An_expired_token_is_refused() =>
        (await CallWith(Issue(TestTokens.Settings(), TimeSpan.FromMinutes(5), DateTimeOffset.UtcNow.AddHours(-2)))).ShouldBe(HttpStatusCode.Unauthorized);

    [Fact]
    public async Task A_token_not_yet_valid_is_refused() =>
        (await CallWith(Issue(TestTokens.Settings(), TimeSpan.FromHours(1), DateTimeOffset.UtcNow.AddHours(2)))).ShouldBe(HttpStatusCode.Unauthorized);

    [Fact]
    public async Task An_unsigned_token_with_alg_none_is_refused()
    {
        static string Part(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var claims = $$"""{"iss":"{{TestTokens.Issuer}}","aud":"{{TestTokens.Audience}}","sub":"x","preferred_username":"x","role":"admin-provinsi","nbf":{{now - 60}},"exp":{{now + 3600}}}""";
        (await CallWith($"{Part("""{"alg":"none","typ":"JWT"}""")}.{Part(claims)}.")).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_tampered_token_is_refused()
    {
        var parts = Issue(TestTokens.Settings()).Split('.');
        var payload = Encoding.UTF8.GetString(Convert.FromBase64String(parts[1].Replace('-', '+').Replace('_', '/').PadRight((parts[1].Length + 3) / 4 * 4, '=')));
        var forged = Convert.ToBase64String(Encoding.UTF8.GetBytes(payload.Replace("uji", "adm", StringComparison.Ordinal))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        (await CallWith($"{parts[0]}.{forged}.{parts[2]}")).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task No_token_at_all_is_refused_with_a_problem()
    {
        using var response = await registry.CreateAnonymousClient().GetAsync(new Uri(Url, UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
    }
}
