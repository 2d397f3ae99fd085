using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace Koperasi.ServiceDefaults.Identity;

/// <summary>JWT bearer authentication and role policies as every service uses them.</summary>
public static class AuthDefaults
{
    /// <summary>
    /// Validates bearer tokens (issuer, audience, signature with an allowed algorithm, lifetime)
    /// and makes an authenticated caller the default for every endpoint: an endpoint that says
    /// nothing needs a token, and only endpoints marked anonymous (health, the API reference)
    /// answer without one. <paramref name="policies"/> names the service's policies by the roles
    /// they admit.
    /// </summary>
    public static IHostApplicationBuilder AddKoperasiAuth(this IHostApplicationBuilder builder, IReadOnlyDictionary<string, string[]>? policies = null)
    {
        var settings = builder.Configuration.GetSection("Auth").Get<AuthSettings>() ?? new AuthSettings();
        if (string.IsNullOrWhiteSpace(settings.Issuer) || string.IsNullOrWhiteSpace(settings.Audience))
        {
            throw new InvalidOperationException("Auth:Issuer and Auth:Audience must be configured.");
        }

        builder.Services.AddSingleton(settings);
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(jwt =>
        {
            jwt.MapInboundClaims = false;
            jwt.RequireHttpsMetadata = !builder.Environment.IsDevelopment() && !builder.Environment.IsEnvironment("Testing");
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = settings.Issuer,
                ValidAudience = settings.Audience,
                ValidateIssuer = true,
                ValidateAudience = true,
                ValidateLifetime = true,
                RequireExpirationTime = true,
                RequireSignedTokens = true,
                ClockSkew = settings.ClockSkew,
                NameClaimType = KoperasiRoles.NameClaim,
                RoleClaimType = KoperasiRoles.RoleClaim,
            };
            if (!string.IsNullOrWhiteSpace(settings.Authority))
            {
                jwt.Authority = settings.Authority;
                jwt.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.EcdsaSha256];
            }
            else
            {
                jwt.TokenValidationParameters.IssuerSigningKey = new SymmetricSecurityKey(settings.SigningKeyBytes());
                jwt.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
            }
        });

        var authorization = builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        foreach (var (name, roles) in policies ?? new Dictionary<string, string[]>())
        {
            authorization.AddPolicy(name, policy => policy.RequireAuthenticatedUser().RequireRole(roles));
        }

        builder.Services.AddSingleton<TokenIssuer>();
        return builder;
    }
}
