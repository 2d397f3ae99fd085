namespace Koperasi.Registry.Demo;

/// <summary>The demo data set: loaded into an empty register when Demo:LoadWhenEmpty is set.</summary>
public static class DemoDataFeature
{
    public static IHostApplicationBuilder AddDemoData(this IHostApplicationBuilder builder)
    {
        DemoDataLoader.Add(builder);
        return builder;
    }

    public static void MapDemoData(this RouteGroupBuilder registry) => GetDemoData.Map(registry);
}
