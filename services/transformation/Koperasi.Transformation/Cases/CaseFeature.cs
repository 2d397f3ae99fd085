namespace Koperasi.Transformation.Cases;

/// <summary>Transformation cases: the meeting policy and the endpoints under <c>/api/transformation/cases</c>.</summary>
public static class CaseFeature
{
    public static IHostApplicationBuilder AddCases(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MeetingPolicy>()
            .Bind(builder.Configuration.GetSection("Meetings"))
            .Validate(policy => { policy.Validate(); return true; })
            .ValidateOnStart();
        return builder;
    }

    public static void MapCases(this RouteGroupBuilder transformation)
    {
        var cases = transformation.MapGroup("/cases").WithTags("Transformation cases");
        ProposeMerger.Map(cases);
        ProposeAmalgamation.Map(cases);
        ProposeArticlesAmendment.Map(cases);
        ListCases.Map(cases);
        GetCase.Map(cases);
        RecordMeeting.Map(cases);
        RecordDeed.Map(cases);
        RecordRatification.Map(cases);
        Withdraw.Map(cases);
    }
}
