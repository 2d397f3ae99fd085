using Koperasi.ServiceDefaults.Regions;

namespace Koperasi.Registry.Regions;

/// <summary>The regencies a koperasi can be domiciled in.</summary>
public static class ListRegencies
{
    public static void Map(RouteGroupBuilder registry) =>
        registry.MapGet("/regencies", () => TypedResults.Ok(Regencies.All))
            .WithName("ListRegencies")
            .RequireAuthorization(RegistryPolicies.Read)
            .WithTags("Regions")
            .WithSummary("Regencies of Jambi province")
            .WithDescription("Each with its BPS code (code, the one stored and answered) and its Kemendagri code (kemendagriCode, the one a NIK starts with). The two differ for four regencies: 15.06 is Tanjung Jabung Barat (BPS 1507), 15.07 Tanjung Jabung Timur (1506), 15.08 Bungo (1509), 15.09 Tebo (1508). Input accepts either: four digits are BPS, 15.xx is Kemendagri.")
            .Produces<IReadOnlyList<Regency>>();
}
