using System.Security.Claims;
using Koperasi.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Http;

namespace Koperasi.Console.Components.Layout;

/// <summary>
/// The navigation: one entry per area, shown to the roles whose token the area's APIs answer.
/// A new area adds its folder under Pages/ and one line here.
/// </summary>
public static class Menu
{
    public static IEnumerable<(string Href, string Label)> Items(ClaimsPrincipal user)
    {
        yield return ("/", "Beranda");
        yield return ("/register", "Register koperasi");
        if (user.IsInRole(KoperasiRoles.AdminProvinsi) || user.IsInRole(KoperasiRoles.Pembina) || user.IsInRole(KoperasiRoles.Auditor))
        {
            yield return ("/kerja", "Daftar kerja");
        }

        if (user.IsInRole(KoperasiRoles.AdminProvinsi) || user.IsInRole(KoperasiRoles.Pembina) || user.IsInRole(KoperasiRoles.Auditor))
        {
            yield return ("/kasus", "Kasus");
        }

        yield return ("/angka-resmi", "Angka resmi");
        yield return ("/laporan", "Laporan");
        if (Pages.Dumisake.DumisakeAkses.MayRead(user))
        {
            yield return ("/dumisake", "Dumisake");
        }

        if (user.IsInRole(KoperasiRoles.AdminProvinsi) || user.IsInRole(KoperasiRoles.Pembina) || user.IsInRole(KoperasiRoles.Auditor))
        {
            yield return ("/impor", "Impor");
        }

        if (user.IsInRole(KoperasiRoles.AdminProvinsi))
        {
            yield return ("/operasi", "Operasi");
        }
    }

    public static bool IsCurrent(HttpContext? context, string href) =>
        context is not null && (href == "/" ? context.Request.Path == "/" : context.Request.Path.StartsWithSegments(href));
}
