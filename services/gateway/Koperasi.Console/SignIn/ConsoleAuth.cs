using System.Security.Claims;
using Koperasi.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Koperasi.Console.SignIn;

/// <summary>
/// How a user signs in to the console: a session cookie holding the user's access token. In
/// production the token comes from the province's identity provider by OpenID Connect
/// (authorization code with PKCE, <c>Auth:Authority</c>); in Development, from the development
/// sign-in page (<see cref="DevelopmentSignIn"/>). The API paths keep their bearer tokens: the
/// cookie scheme is only the console's.
/// </summary>
public static class ConsoleAuth
{
    public const string CookieScheme = "console";
    public const string OidcScheme = "console-oidc";
    public const string Policy = "console";

    /// <summary>Where an unsigned visitor is sent.</summary>
    public const string SignInPath = "/masuk";

    internal static void Add(IHostApplicationBuilder builder)
    {
        var authority = builder.Configuration["Auth:Authority"];
        var useOidc = !string.IsNullOrWhiteSpace(authority);
        var authentication = builder.Services.AddAuthentication();
        authentication.AddCookie(CookieScheme, cookie =>
        {
            cookie.Cookie.Name = "koperasi-console";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.LoginPath = SignInPath;
            cookie.LogoutPath = "/keluar";
            cookie.AccessDeniedPath = SignInPath;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = false;
            if (useOidc)
            {
                cookie.ForwardChallenge = OidcScheme;
            }
        });

        if (useOidc)
        {
            authentication.AddOpenIdConnect(OidcScheme, oidc =>
            {
                oidc.Authority = authority;
                oidc.ClientId = builder.Configuration["Console:Oidc:ClientId"] ?? "koperasi-console";
                oidc.ClientSecret = builder.Configuration["Console:Oidc:ClientSecret"];
                oidc.ResponseType = "code";
                oidc.UsePkce = true;
                oidc.SaveTokens = true;
                oidc.SignInScheme = CookieScheme;
                oidc.MapInboundClaims = false;
                oidc.TokenValidationParameters.NameClaimType = KoperasiRoles.NameClaim;
                oidc.TokenValidationParameters.RoleClaimType = KoperasiRoles.RoleClaim;
                oidc.CallbackPath = "/masuk/oidc";
                oidc.SignedOutCallbackPath = "/keluar/oidc";
                oidc.Scope.Clear();
                oidc.Scope.Add("openid");
                oidc.Scope.Add("profile");
                foreach (var scope in (builder.Configuration["Console:Oidc:Scopes"] ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    oidc.Scope.Add(scope);
                }

                // Roles and regencies are those of the access token the API will judge, not the ID token's.
                oidc.Events.OnTokenValidated = context =>
                {
                    if (context.TokenEndpointResponse?.AccessToken is { } token && context.Principal is { } principal)
                    {
                        context.Principal = PrincipalOf(token, principal.Identity?.AuthenticationType ?? OidcScheme);
                    }

                    return Task.CompletedTask;
                };
            });
        }

        builder.Services.AddAuthorizationBuilder().AddPolicy(Policy, policy =>
            policy.AddAuthenticationSchemes(CookieScheme).RequireAuthenticatedUser());
    }

    /// <summary>
    /// The console's user as the access token describes it (name, roles, regencies). The token is not
    /// validated here, it is only read: the services validate it on every call, and the console shows
    /// or offers only what they then allow.
    /// </summary>
    public static ClaimsPrincipal PrincipalOf(string accessToken, string authenticationType)
    {
        var jwt = new JsonWebToken(accessToken);
        var claims = jwt.Claims
            .Where(c => c.Type is KoperasiRoles.NameClaim or KoperasiRoles.RoleClaim or KoperasiRoles.RegencyClaim or "sub")
            .Select(c => new Claim(c.Type, c.Value));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, KoperasiRoles.NameClaim, KoperasiRoles.RoleClaim));
    }

    /// <summary>Signs a user in with the given access token (the development sign-in's path).</summary>
    internal static Task SignInWithTokenAsync(HttpContext context, string accessToken)
    {
        var properties = new AuthenticationProperties { IsPersistent = false };
        properties.StoreTokens([new AuthenticationToken { Name = "access_token", Value = accessToken }]);
        return context.SignInAsync(CookieScheme, PrincipalOf(accessToken, CookieScheme), properties);
    }

    internal static void MapSignInAndOut(WebApplication app)
    {
        if (UsesOidc(app.Configuration))
        {
            app.MapGet("/masuk/sso", (string? kembali) => Results.Challenge(new AuthenticationProperties { RedirectUri = PageToReturnTo(kembali) }, [OidcScheme]))
                .AllowAnonymous().ExcludeFromDescription();
        }

        app.MapPost("/keluar", async (HttpContext context) =>
        {
            await context.SignOutAsync(CookieScheme);
            return Results.Redirect(SignInPath);
        }).AllowAnonymous().ExcludeFromDescription();
    }

    /// <summary>
    /// The console page to open after signing in: the one the officer asked for before being sent to
    /// <c>/masuk</c> (its <c>ReturnUrl</c>), when it is a path of this site; the dashboard otherwise
    /// (never another site: no open redirect).
    /// </summary>
    public static string PageToReturnTo(string? requested) =>
        requested is { Length: > 0 } path && path[0] == '/' && !path.StartsWith("//", StringComparison.Ordinal)
            && !path.Contains('\\', StringComparison.Ordinal)
            && !path.StartsWith(SignInPath, StringComparison.OrdinalIgnoreCase) && Uri.IsWellFormedUriString(path, UriKind.Relative)
            ? path
            : "/";

    /// <summary>Whether production sign-in (OpenID Connect) is configured.</summary>
    public static bool UsesOidc(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration["Auth:Authority"]);

    /// <summary>The page components' authorization: the console's cookie, never a bearer token.</summary>
    public static AuthorizeAttribute Attribute { get; } = new(Policy);
}
