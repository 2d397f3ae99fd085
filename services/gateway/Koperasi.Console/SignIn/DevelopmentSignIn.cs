using System.Net;
using Koperasi.ServiceDefaults.Identity;
using Koperasi.ServiceDefaults.Regions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Koperasi.Console.SignIn;

/// <summary>
/// Development only: sign in by choosing a role, a regency and a name, with a token minted like the
/// gateway's <c>/dev/tokens</c> (the same <see cref="TokenIssuer"/> and local key). Outside the
/// Development environment the route does not exist; in Development it answers only a caller on
/// this machine (loopback), and the sign-in page shows the form only to such a caller.
/// </summary>
public static class DevelopmentSignIn
{
    public const string Path = "/masuk/pengembangan";

    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    /// <summary>Whether this request may use the development sign-in.</summary>
    public static bool IsOffered(HttpContext context) =>
        context.RequestServices.GetRequiredService<IHostEnvironment>().IsDevelopment() && IsLoopback(context.Connection.RemoteIpAddress);

    internal static bool IsLoopback(IPAddress? remote) =>
        remote is not null && IPAddress.IsLoopback(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote);

    internal static void Map(WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            return;
        }

        app.MapPost(Path, SignInAsync).AllowAnonymous().ExcludeFromDescription();
    }

    private static async Task<IResult> SignInAsync(HttpContext context, TokenIssuer issuer, [FromForm] string? role, [FromForm] string? regency, [FromForm] string? name, [FromForm] string? kembali)
    {
        if (!IsOffered(context))
        {
            return Results.NotFound();
        }

        var regencies = Regencies.TryNormalize(regency, out var code) ? new[] { code } : [];
        var refusal = role is null || !KoperasiRoles.All.Contains(role) ? "peran"
            : role is KoperasiRoles.Pembina or KoperasiRoles.Pendamping && regencies.Length == 0 ? "kabupaten"
            : null;
        if (refusal is not null)
        {
            var back = ConsoleAuth.PageToReturnTo(kembali) is "/" ? "" : $"&ReturnUrl={Uri.EscapeDataString(ConsoleAuth.PageToReturnTo(kembali))}";
            return Results.Redirect($"{ConsoleAuth.SignInPath}?galat={refusal}{back}");
        }

        var user = string.IsNullOrWhiteSpace(name) ? $"dev-{role}" : name.Trim();
        var token = issuer.Issue(user, role!, regencies, Lifetime);
        await ConsoleAuth.SignInWithTokenAsync(context, token);
        return Results.Redirect(ConsoleAuth.PageToReturnTo(kembali));
    }
}
