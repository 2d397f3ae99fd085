using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace Koperasi.ServiceDefaults.Identity;

/// <summary>Who is acting: recorded on every event the current unit of work appends.</summary>
public interface ICurrentActor
{
    /// <summary>The user name, or a <c>system:</c> name for background work.</summary>
    string Name { get; }

    /// <summary>The role the actor acts in, if known.</summary>
    string? Role { get; }
}

/// <summary>
/// The authenticated caller of the current request, unless background work runs under an
/// explicit identity (<see cref="RunAs"/>).
/// </summary>
public sealed class CurrentActor(IHttpContextAccessor httpContextAccessor) : ICurrentActor
{
    private static readonly AsyncLocal<(string Name, string? Role)?> Ambient = new();

    /// <inheritdoc />
    public string Name => Ambient.Value?.Name ?? NameOf(httpContextAccessor.HttpContext?.User) ?? "anonymous";

    /// <inheritdoc />
    public string? Role => Ambient.Value is { } ambient ? ambient.Role : RoleOf(httpContextAccessor.HttpContext?.User);

    /// <summary>Runs the following work (until disposed) as a named system actor.</summary>
    public static IDisposable RunAs(string name, string? role = "system")
    {
        var previous = Ambient.Value;
        Ambient.Value = (name, role);
        return new Restore(previous);
    }

    private static string? NameOf(ClaimsPrincipal? user) =>
        user?.Identity is { IsAuthenticated: true } identity
            ? identity.Name ?? user.FindFirst("sub")?.Value
            : null;

    private static string? RoleOf(ClaimsPrincipal? user) =>
        user?.Identity is { IsAuthenticated: true } && user.Roles() is { Count: > 0 } roles ? string.Join(",", roles) : null;

    private sealed class Restore((string Name, string? Role)? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}
