using MassTransit;

namespace Koperasi.Contracts.Funding;

/// <summary>
/// A Dumisake working-capital grant was applied for. The applicant appears only by a pseudonymous
/// id: no NIK, name, phone or bank account ever travels on the bus.
/// </summary>
/// <param name="ApplicationId">The application.</param>
/// <param name="StreamVersion">Version of the application's stream after this event.</param>
/// <param name="OccurredAt">When Funding recorded it.</param>
/// <param name="ApplicantId">Pseudonymous id of the applicant.</param>
/// <param name="ProgrammeId">The programme (one per year).</param>
/// <param name="ProgrammeYear">The programme's year.</param>
/// <param name="Category">Category code, e.g. "mak-mak", "wirausaha-pemula", "milenial".</param>
/// <param name="RegencyCode">BPS code of the applicant's regency.</param>
/// <param name="Kecamatan">The applicant's kecamatan.</param>
/// <param name="CooperativeId">The koperasi the business belongs to, if any.</param>
[MessageUrn("koperasi:funding:application-submitted:v1")]
public sealed record GrantApplicationSubmitted(
    Guid ApplicationId,
    long StreamVersion,
    DateTimeOffset OccurredAt,
    Guid ApplicantId,
    Guid ProgrammeId,
    int ProgrammeYear,
    string Category,
    string RegencyCode,
    string Kecamatan,
    Guid? CooperativeId) : IIntegrationEvent;
