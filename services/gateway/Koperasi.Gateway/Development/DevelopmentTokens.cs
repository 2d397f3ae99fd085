using System.Net;
using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Identity;
using Koperasi.ServiceDefaults.Regions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Gateway.Development;

/// <summary>
/// Development only: mints a token for any role, signed with the local key ./run.sh generated,
/// so a developer can call the API. Without <c>name</c>, the user is one per role and regencies
/// ("dev-pembina-1502" for the pembina of Merangin), the one the demo data assigns koperasi to.
/// Outside the Development environment this route does not exist at all; in Development it answers only a caller on this machine (loopback) and is not
/// found for anyone else, so a development gateway reachable from a network mints nothing for it.
/// </summary>
internal static class DevelopmentTokens
{
    /// <summary>A minted token; its user is <c>name</c>, or without it one user per role and regencies (<see cref="DevelopmentUsers"/>).</summary>
    public sealed record Token(string AccessToken, string TokenType, string User, string Role, IReadOnlyList<string> Regencies, DateTimeOffset ExpiresAt);

    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    public static WebApplication MapDevelopmentTokens(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            app.MapGet("/dev/tokens/{role}", Issue)
                .AddEndpointFilter(async (context, next) =>
                    IsLoopback(context.HttpContext.Connection.RemoteIpAddress) ? await next(context) : TypedResults.NotFound())
                .AllowAnonymous()
                .ExcludeFromDescription();
        }

        return app;
    }

    /// <summary>A caller on this machine: 127.0.0.0/8 or ::1, also as an IPv4-mapped IPv6 address. No address (no connection) is not one.</summary>
    internal static bool IsLoopback(IPAddress? remote) =>
        remote is not null && IPAddress.IsLoopback(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote);

    private static Results<Ok<Token>, ContentHttpResult, ValidationProblem> Issue(
        string role, TokenIssuer issuer, TimeProvider clock, string[]? regency = null, string? name = null, bool raw = false)
    {
        var v = new RequestValidation();
        var given = regency ?? [];
        var regencies = given.Select(r => Regencies.TryNormalize(r, out var code) ? code : null).OfType<string>().Distinct().ToList();
        v.Check(KoperasiRoles.All.Contains(role), "role", $"Unknown role '{role}'; one of: {string.Join(", ", KoperasiRoles.All)}.");
        v.Check(given.All(r => Regencies.TryNormalize(r, out _)), "regency",
            "A regency of Jambi by its BPS code (1501) or its Kemendagri code (15.01; 15.06 is Tanjung Jabung Barat, BPS 1507).");
        v.Check(regencies.Count > 0 || role is not (KoperasiRoles.Pembina or KoperasiRoles.Pendamping), "regency",
            "A pembina or pendamping is assigned to at least one regency: add ?regency=1501.");
        if (!v.IsValid)
        {
            return v.ToValidationProblem();
        }

        var user = string.IsNullOrWhiteSpace(name) ? DevelopmentUsers.Of(role, regencies) : name.Trim();
        var token = issuer.Issue(user, role, regencies, Lifetime);
        return raw
            ? TypedResults.Text(token)
            : TypedResults.Ok(new Token(token, "Bearer", user, role, regencies, clock.GetUtcNow() + Lifetime));
    }
}
