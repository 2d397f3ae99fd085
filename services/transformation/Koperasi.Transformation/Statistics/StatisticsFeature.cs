namespace Koperasi.Transformation.Statistics;

/// <summary>The statistics endpoint (the projection is registered with the store).</summary>
public static class StatisticsFeature
{
    public static void MapStatistics(this RouteGroupBuilder transformation) => GetStatistics.Map(transformation);
}
