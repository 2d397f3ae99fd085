namespace Koperasi.Funding.Demo;

/// <summary>The demo data set: loaded into a store without programmes when Demo:LoadWhenEmpty is set.</summary>
public static class DemoDataFeature
{
    public static IHostApplicationBuilder AddDemoData(this IHostApplicationBuilder builder)
    {
        var enabled = builder.Configuration.GetValue("Demo:LoadWhenEmpty", false);
        builder.Services.AddSingleton(new DemoDataProgress(enabled));
        if (enabled)
        {
            builder.Services.AddHostedService<DemoDataLoader>();
        }

        return builder;
    }

    public static void MapDemoData(this RouteGroupBuilder funding) => GetDemoData.Map(funding);
}
