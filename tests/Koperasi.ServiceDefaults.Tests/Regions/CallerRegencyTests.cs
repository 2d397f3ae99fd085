using System.Security.Claims;
using Koperasi.ServiceDefaults.Identity;

namespace Koperasi.ServiceDefaults.Tests.Regions;

/// <summary>A token's <c>regency</c> claims in either code system scope the caller to the right regencies.</summary>
public class CallerRegencyTests
{
    private static ClaimsPrincipal Pembina(params string[] regencies) => new(new ClaimsIdentity(
        [new Claim(KoperasiRoles.RoleClaim, KoperasiRoles.Pembina), .. regencies.Select(r => new Claim(KoperasiRoles.RegencyClaim, r))],
        "test", KoperasiRoles.NameClaim, KoperasiRoles.RoleClaim));

    [Fact]
    public void A_Kemendagri_claim_reaches_the_regency_it_names_not_the_BPS_code_with_its_digits()
    {
        var pembina = Pembina("15.06", "15.08");

        pembina.Regencies().ShouldBe(["1507", "1509"], ignoreOrder: true);
        pembina.MayActOnRegency("1507").ShouldBeTrue();
        pembina.MayActOnRegency("1506").ShouldBeFalse();
        pembina.MayActOnRegency("1508").ShouldBeFalse();
    }

    [Fact]
    public void A_BPS_claim_reaches_its_regency()
    {
        var pembina = Pembina("1506");

        pembina.MayActOnRegency("1506").ShouldBeTrue();
        pembina.MayActOnRegency("1507").ShouldBeFalse();
    }
}
