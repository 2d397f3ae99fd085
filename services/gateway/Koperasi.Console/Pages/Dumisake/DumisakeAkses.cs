using System.Security.Claims;
using Koperasi.ServiceDefaults.Identity;

namespace Koperasi.Console.Pages.Dumisake;

/// <summary>
/// Which Dumisake form a page offers to whom: the roles Funding's policies let do each step
/// (docs/security-and-roles.md), a pendamping only in its regencies. Only what is offered; the API
/// decides again on every write.
/// </summary>
public static class DumisakeAkses
{
    /// <summary>The statuses in the order an application goes through them.</summary>
    public static readonly IReadOnlyList<string> Stages =
    [
        "submitted", "documents-checked", "field-verified", "eligible", "not-eligible", "decreed",
        "disbursement-requested", "disbursement-failed", "disbursed", "monitored", "closed", "cancelled",
    ];

    /// <summary>Read programmes, applications and their stages: the officers who work with them and auditors.</summary>
    public static bool MayRead(ClaimsPrincipal user) =>
        user.IsInRole(KoperasiRoles.AdminProvinsi) || user.IsInRole(KoperasiRoles.Verifikator) || user.IsInRole(KoperasiRoles.Pendamping)
        || user.IsInRole(KoperasiRoles.Auditor);

    /// <summary>Open and change programmes (admin-provinsi only).</summary>
    public static bool MayManageProgrammes(ClaimsPrincipal user) => user.IsInRole(KoperasiRoles.AdminProvinsi);

    /// <summary>Submit an application in a regency (admin-provinsi; a pendamping in its regencies).</summary>
    public static bool MaySubmit(ClaimsPrincipal user) =>
        user.IsInRole(KoperasiRoles.AdminProvinsi) || user.IsInRole(KoperasiRoles.Pendamping);

    /// <summary>Check documents, decide eligibility, decree, close (admin-provinsi, verifikator).</summary>
    public static bool MayDecide(ClaimsPrincipal user) =>
        user.IsInRole(KoperasiRoles.AdminProvinsi) || user.IsInRole(KoperasiRoles.Verifikator);

    /// <summary>Order a disbursement and retry a failed one (admin-provinsi, verifikator).</summary>
    public static bool MayDisburse(ClaimsPrincipal user) => MayDecide(user);

    /// <summary>Field verification and monitoring visits in the application's regency (admin-provinsi; a pendamping of the regency).</summary>
    public static bool MayDoFieldWork(ClaimsPrincipal user, string regencyCode) =>
        (user.IsInRole(KoperasiRoles.AdminProvinsi) || user.IsInRole(KoperasiRoles.Pendamping)) && user.MayActOnRegency(regencyCode);

    /// <summary>Whether the user reaches an application of the regency: a pendamping only its regencies, the others all.</summary>
    public static bool Reaches(ClaimsPrincipal user, string regencyCode) =>
        !user.IsInRole(KoperasiRoles.Pendamping) || user.IsInRole(KoperasiRoles.AdminProvinsi) || user.IsInRole(KoperasiRoles.Verifikator)
        || user.Regencies().Contains(regencyCode);

    /// <summary>Read the applicant in clear with a purpose (admin-provinsi, verifikator, a pendamping of the regency; never an auditor).</summary>
    public static bool MayReveal(ClaimsPrincipal user, string regencyCode) =>
        (user.IsInRole(KoperasiRoles.AdminProvinsi) || user.IsInRole(KoperasiRoles.Verifikator) || user.IsInRole(KoperasiRoles.Pendamping))
        && Reaches(user, regencyCode);

    /// <summary>Cancel before the disbursement is requested (admin-provinsi, verifikator, a pendamping of the regency).</summary>
    public static bool MayCancel(ClaimsPrincipal user, string regencyCode) => MayReveal(user, regencyCode);

    /// <summary>The stages that wait for the user's own step: a verifikator's queue, a pendamping's field work.</summary>
    public static IReadOnlyList<string> Queue(ClaimsPrincipal user) =>
        user.IsInRole(KoperasiRoles.AdminProvinsi) ? ["submitted", "documents-checked", "field-verified", "eligible", "decreed", "disbursement-failed", "disbursed", "monitored"]
        : user.IsInRole(KoperasiRoles.Verifikator) ? ["submitted", "field-verified", "eligible", "decreed", "disbursement-failed", "monitored"]
        : user.IsInRole(KoperasiRoles.Pendamping) ? ["documents-checked", "disbursed"]
        : [];

    /// <summary>"019a2b3c": the first characters of an id, enough to tell applications apart on a screen.</summary>
    public static string Brief(Guid id) => id.ToString("N")[..8];

    /// <summary>
    /// A page that shows applicants (name, masked NIK) or data revealed in clear is not kept by the
    /// browser or a proxy, as the API's own answers under /api/funding/applications are not.
    /// </summary>
    public static void NotStored(Microsoft.AspNetCore.Http.HttpContext? context)
    {
        if (context is not null && !context.Response.HasStarted)
        {
            context.Response.Headers.CacheControl = "no-store";
        }
    }

    /// <summary>A year from a query ("2023"), or null when it is absent or not a year.</summary>
    public static int? Year(string? text) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year) && year is >= 2000 and <= 2999 ? year : null;
}
