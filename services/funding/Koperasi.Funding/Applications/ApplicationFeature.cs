using Koperasi.Funding.Applicants;

namespace Koperasi.Funding.Applications;

/// <summary>Applications and their flow: endpoints under <c>/api/funding/applications</c>.</summary>
public static class ApplicationFeature
{
    public static void MapApplications(this RouteGroupBuilder funding)
    {
        var applications = funding.MapGroup("/applications").WithTags("Permohonan");
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
}
