namespace Koperasi.Funding.Demo;

/// <summary>Where the demo load stands.</summary>
public static class GetDemoData
{
    public static void Map(RouteGroupBuilder funding) =>
        funding.MapGet("/demo-data", (DemoDataProgress progress) => TypedResults.Ok(progress.Current))
            .WithName("GetFundingDemoData")
            .RequireAuthorization(FundingPolicies.Reports)
            .WithTags("Data demo")
            .WithSummary("State of the demo data load")
            .WithDescription("disabled, idle, loading, loaded, skipped (the store already held programmes) or failed, with the applications granted so far, those a rule refused, and the size of the set.")
            .Produces<DemoDataState>();
}
