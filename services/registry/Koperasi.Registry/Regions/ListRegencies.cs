using Koperasi.ServiceDefaults.Regions;

namespace Koperasi.Registry.Regions;

/// <summary>The regencies a koperasi can be domiciled in.</summary>
public static class ListRegencies
{
    public static void Map(RouteGroupBuilder registry) =>
        registry.MapGet("/regencies", () => TypedResults.Ok(Regencies.All))
            .WithName("ListRegencies")
            .RequireAuthorization(RegistryPolicies.Read)
            .WithTags("Wilayah")
            .WithSummary("Regencies of Jambi province")
            .Produces<IReadOnlyList<Regency>>();
}
