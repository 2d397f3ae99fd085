namespace Koperasi.Registry.Statistics;

/// <summary>The statistics endpoints (the projection is registered with the store).</summary>
public static class StatisticsFeature
{
    public static void MapStatistics(this RouteGroupBuilder registry)
    {
        GetStatistics.Map(registry);
        PublishedFigures.Map(registry);
        Reports.Map(registry);
    }
}
