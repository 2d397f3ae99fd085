using System.Security.Claims;
using Koperasi.ServiceDefaults.Identity;

namespace Koperasi.Funding.Applications;

/// <summary>
/// Which applications a caller reaches: admin-provinsi, verifikator and auditor the whole province
/// (as far as their policies let them), a pendamping only those of its regencies.
/// </summary>
public static class RegencyScope
{
    public static bool Reaches(this ClaimsPrincipal user, string regencyCode) =>
        user.IsInRole(KoperasiRoles.AdminProvinsi)
        || user.IsInRole(KoperasiRoles.Verifikator)
        || user.IsInRole(KoperasiRoles.Auditor)
        || user.MayActOnRegency(regencyCode);

    /// <summary>The regencies a list is limited to, or null for the whole province.</summary>
    public static IReadOnlySet<string>? LimitOf(this ClaimsPrincipal user) =>
        user.IsInRole(KoperasiRoles.AdminProvinsi) || user.IsInRole(KoperasiRoles.Verifikator) || user.IsInRole(KoperasiRoles.Auditor)
            ? null
            : user.Regencies();
}
