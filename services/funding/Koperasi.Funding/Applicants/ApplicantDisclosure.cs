using System.Security.Claims;
using static Koperasi.ServiceDefaults.Identity.KoperasiRoles;

namespace Koperasi.Funding.Applicants;

/// <summary>
/// What an application shows of its applicant without a reveal, by the caller's role (docs/security-and-roles.md,
/// "What a Funding application shows, by role"). No view shows the birth date: with it and the sex, the masked NIK's six hidden
/// digits are exactly the birth date's (DDMMYY, day + 40 for a woman), so the NIK would be whole.
/// Every view shows the age in whole years on the programme's reference date instead (what the
/// eligibility rules and the reports need).
/// </summary>
public static class ApplicantDisclosure
{
    /// <summary>
    /// Whether the caller sees who the applicant is (name and masked NIK): the officers who work the
    /// application (admin-provinsi, verifikator, a pendamping of its regency). An auditor sees the
    /// pseudonym only; the service identity reads no application at all.
    /// </summary>
    public static bool Identifies(ClaimsPrincipal user) =>
        user.IsInRole(AdminProvinsi) || user.IsInRole(Verifikator) || user.IsInRole(Pendamping);
}
