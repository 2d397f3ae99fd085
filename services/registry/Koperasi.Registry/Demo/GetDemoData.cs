namespace Koperasi.Registry.Demo;

/// <summary>Where the demo load stands.</summary>
public static class GetDemoData
{
    public static void Map(RouteGroupBuilder registry) =>
        registry.MapGet("/demo-data", (DemoDataProgress progress) => TypedResults.Ok(progress.Current))
            .WithName("GetDemoData")
            .RequireAuthorization(RegistryPolicies.Read)
            .WithTags("Data demo")
            .WithSummary("State of the demo data load")
            .WithDescription("disabled, idle, loading, loaded, skipped (the register already held koperasi) or failed, with the koperasi registered so far and the size of the set.")
            .Produces<DemoDataState>();
}
