namespace Koperasi.ServiceDefaults.Identity;

/// <summary>The roles a token may carry (claim <c>role</c>), as the Dinas assigns them.</summary>
public static class KoperasiRoles
{
    /// <summary>Provincial administrator: everything.</summary>
    public const string AdminProvinsi = "admin-provinsi";

    /// <summary>Supervisor of the koperasi of the regencies in its <c>regency</c> claims: writes only there.</summary>
    public const string Pembina = "pembina";

    /// <summary>Funding field officer of one regency: verifies applications, records monitoring visits.</summary>
    public const string Pendamping = "pendamping";

    /// <summary>Funding decisions: eligibility and decree batches.</summary>
    public const string Verifikator = "verifikator";

    /// <summary>Reads everything including histories, never personal data in clear.</summary>
    public const string Auditor = "auditor";

    /// <summary>A machine: internal consumers and downstream systems, read-only.</summary>
    public const string Service = "service";

    /// <summary>Every role, in the order the documentation lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [AdminProvinsi, Pembina, Pendamping, Verifikator, Auditor, Service];

    /// <summary>Claim naming a regency (BPS code) a pembina or pendamping is scoped to; may repeat.</summary>
    public const string RegencyClaim = "regency";

    /// <summary>Claim naming a role; may repeat.</summary>
    public const string RoleClaim = "role";

    /// <summary>Claim naming the user as the histories show it.</summary>
    public const string NameClaim = "preferred_username";
}
