using System.Text.RegularExpressions;
using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Gateway.Development;

/// <summary>
/// Development only: mints a token for any role, signed with the local key ./run.sh generated,
/// so a developer can call the API. Outside the Development environment this route does not
/// exist at all.
/// </summary>
internal static partial class DevelopmentTokens
{
    public sealed record Token(string AccessToken, string TokenType, string Role, IReadOnlyList<string> Regencies, DateTimeOffset ExpiresAt);

    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    public static WebApplication MapDevelopmentTokens(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            app.MapGet("/dev/tokens/{role}", Issue)
                .AllowAnonymous()
                .ExcludeFromDescription();
        }

        return app;
    }

    private static Results<Ok<Token>, ContentHttpResult, ValidationProblem> Issue(
        string role, TokenIssuer issuer, TimeProvider clock, string[]? regency = null, string? name = null, bool raw = false)
    {
        var v = new RequestValidation();
        var regencies = (regency ?? []).Select(r => r.Replace(".", "", StringComparison.Ordinal).Trim()).ToList();
        v.Check(KoperasiRoles.All.Contains(role), "role", $"Unknown role '{role}'; one of: {string.Join(", ", KoperasiRoles.All)}.");
        v.Check(regencies.All(r => RegencyCode().IsMatch(r)), "regency", "A regency of Jambi, such as 1501 or 15.71.");
        v.Check(regencies.Count > 0 || role is not (KoperasiRoles.Pembina or KoperasiRoles.Pendamping), "regency",
            "A pembina or pendamping is assigned to at least one regency: add ?regency=1501.");
        if (!v.IsValid)
        {
            return v.ToValidationProblem();
        }

        var user = string.IsNullOrWhiteSpace(name) ? $"dev-{role}" : name.Trim();
        var token = issuer.Issue(user, role, regencies, Lifetime);
        return raw
            ? TypedResults.Text(token)
            : TypedResults.Ok(new Token(token, "Bearer", role, regencies, clock.GetUtcNow() + Lifetime));
    }

    [GeneratedRegex(@"^15\d{2}$")]
    private static partial Regex RegencyCode();
}
