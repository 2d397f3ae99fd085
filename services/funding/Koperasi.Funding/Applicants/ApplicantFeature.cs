namespace Koperasi.Funding.Applicants;

/// <summary>The applicants' personal data: reveal (under an application) and erasure.</summary>
public static class ApplicantFeature
{
    public static void MapApplicants(this RouteGroupBuilder funding) => EraseApplicant.Map(funding);
}
