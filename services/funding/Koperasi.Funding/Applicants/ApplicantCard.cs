using Koperasi.ServiceDefaults.PersonalData;

namespace Koperasi.Funding.Applicants;

/// <summary>
/// What screens show of an applicant without a reveal: the NIK masked and the name. A document
/// outside the event store, so erasing the applicant deletes it.
/// </summary>
/// <param name="Id">The applicant's pseudonymous id.</param>
/// <param name="MaskedNik">The NIK with all but its first 6 and last 4 digits hidden.</param>
/// <param name="Name">The applicant's name.</param>
public sealed record ApplicantCard(Guid Id, string MaskedNik, string Name)
{
    public static ApplicantCard For(Guid applicantId, ApplicantRecord record) => new(applicantId, Nik.Mask(record.Nik), record.Name);
}
