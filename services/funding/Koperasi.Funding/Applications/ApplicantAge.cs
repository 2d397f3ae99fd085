namespace Koperasi.Funding.Applications;

/// <summary>
/// How old an applicant must be on the day of the application (configuration section
/// "Applications"): by default the age for a KTP, 17, since a NIK is proven by one.
/// </summary>
public sealed record ApplicantAge
{
    public const string Section = "Applications";

    /// <summary>The age for a KTP (kartu tanda penduduk).</summary>
    public const int KtpAge = 17;

    public int MinimumAge { get; init; } = KtpAge;
}
