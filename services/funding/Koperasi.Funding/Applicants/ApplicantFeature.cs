namespace Koperasi.Funding.Applicants;

/// <summary>The applicants' personal data: reveal (under an application), erasure and the record of both.</summary>
public static class ApplicantFeature
{
    public static void MapApplicants(this RouteGroupBuilder funding)
    {
        EraseApplicant.Map(funding);
        GetApplicantAccessLog.Map(funding);
    }
}
