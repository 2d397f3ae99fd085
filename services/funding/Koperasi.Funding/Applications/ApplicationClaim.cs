namespace Koperasi.Funding.Applications;

/// <summary>
/// One application per person (per NIK, through the pseudonym the vault found for it) per
/// programme. Inserted with the application's first event; deleted when the application is
/// cancelled, so the person may apply again.
/// </summary>
/// <param name="Id"><c>{programmeId:N}:{applicantId:N}</c>.</param>
/// <param name="ApplicationId">The application that holds the claim.</param>
public sealed record ApplicationClaim(string Id, Guid ApplicationId)
{
    public static string KeyOf(Guid programmeId, Guid applicantId) => $"{programmeId:N}:{applicantId:N}";
}
