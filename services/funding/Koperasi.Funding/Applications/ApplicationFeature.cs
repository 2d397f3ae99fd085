using Koperasi.Funding.Applicants;

namespace Koperasi.Funding.Applications;

/// <summary>
/// Applications and their flow: endpoints under <c>/api/funding/applications</c>. Every answer
/// there names or describes an applicant, so none may be kept by a cache along the way
/// (<c>Cache-Control: no-store</c>).
/// </summary>
public static class ApplicationFeature
{
    /// <summary>The applicant's minimum age (section "Applications", default 17).</summary>
    public static IHostApplicationBuilder AddApplications(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ApplicantAge>()
            .Bind(builder.Configuration.GetSection(ApplicantAge.Section))
            .Validate(age => age.MinimumAge is >= 0 and <= 100, "Applications:MinimumAge must be between 0 and 100.")
            .ValidateOnStart();
        return builder;
    }

    public static void MapApplications(this RouteGroupBuilder funding)
    {
        var applications = funding.MapGroup("/applications").WithTags("Applications").AddEndpointFilter(NoStoreAsync);
        SubmitApplication.Map(applications);
        ListApplications.Map(applications);
        ExportApplications.Map(applications);
        GetApplication.Map(applications);
        GetApplicationHistory.Map(applications);
        CheckDocuments.Map(applications);
        VerifyInField.Map(applications);
        DecideEligibility.Map(applications);
        RecordMonitoringVisit.Map(applications);
        CloseApplication.Map(applications);
        CancelApplication.Map(applications);
        RevealApplicant.Map(applications);
    }

    /// <summary>An endpoint filter: the answer may not be stored by any cache.</summary>
    public static ValueTask<object?> NoStoreAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        context.HttpContext.Response.Headers.CacheControl = "no-store";
        return next(context);
    }
}
