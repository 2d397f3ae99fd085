using System.Security.Claims;

namespace Koperasi.ServiceDefaults.Identity;

/// <summary>What the platform needs to know about the caller of a request.</summary>
public static class Caller
{
    /// <summary>
    /// The regencies (BPS codes) the caller is scoped to; a claim may spell a regency in either
    /// system ("15.06" is BPS 1507). A claim naming no regency of Jambi reaches nothing.
    /// </summary>
    public static IReadOnlySet<string> Regencies(this ClaimsPrincipal user) =>
        user.FindAll(KoperasiRoles.RegencyClaim)
            .Select(c => Regions.Regencies.TryNormalize(c.Value, out var code) ? code : c.Value.Trim())
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Whether the caller may change things of a regency: an admin-provinsi anywhere, a pembina or
    /// pendamping only in the regencies of its claims, anyone else nowhere.
    /// </summary>
    public static bool MayActOnRegency(this ClaimsPrincipal user, string regencyCode) =>
        user.IsInRole(KoperasiRoles.AdminProvinsi)
        || ((user.IsInRole(KoperasiRoles.Pembina) || user.IsInRole(KoperasiRoles.Pendamping)) && user.Regencies().Contains(regencyCode));

    /// <summary>The caller's roles, in the order of <see cref="KoperasiRoles.All"/>.</summary>
    public static IReadOnlyList<string> Roles(this ClaimsPrincipal user) => [.. KoperasiRoles.All.Where(user.IsInRole)];
}
