using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Koperasi.ServiceDefaults.Identity;

/// <summary>
/// Issues tokens signed with the platform's own key. Only development (the gateway's
/// <c>/dev/tokens</c>) and tests use it; production tokens come from the province's identity
/// provider or an issuer holding the key outside the services.
/// </summary>
public sealed class TokenIssuer(AuthSettings settings, TimeProvider clock)
{
    /// <summary>A signed token for a user acting in one role, scoped to the given regencies.</summary>
    public string Issue(string userName, string role, IEnumerable<string>? regencies = null, TimeSpan? lifetime = null, DateTimeOffset? notBefore = null)
    {
        var now = notBefore ?? clock.GetUtcNow();
        var claims = new List<Claim>
        {
            new("sub", userName),
            new(KoperasiRoles.NameClaim, userName),
            new(KoperasiRoles.RoleClaim, role),
        };
        claims.AddRange((regencies ?? []).Select(r => new Claim(KoperasiRoles.RegencyClaim, r)));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            Subject = new ClaimsIdentity(claims),
            NotBefore = now.UtcDateTime,
            IssuedAt = now.UtcDateTime,
            Expires = (now + (lifetime ?? TimeSpan.FromHours(8))).UtcDateTime,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(settings.SigningKeyBytes()), SecurityAlgorithms.HmacSha256),
        });
    }
}
