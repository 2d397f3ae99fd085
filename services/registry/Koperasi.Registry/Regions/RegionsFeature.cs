namespace Koperasi.Registry.Regions;

/// <summary>The reference data of Jambi's regencies.</summary>
public static class RegionsFeature
{
    public static void MapRegions(this RouteGroupBuilder registry) => ListRegencies.Map(registry);
}
