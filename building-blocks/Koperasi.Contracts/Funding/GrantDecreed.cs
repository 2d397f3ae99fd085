using MassTransit;

namespace Koperasi.Contracts.Funding;

/// <summary>A grant was decreed (approved) in a decree batch.</summary>
/// <param name="ApplicationId">The application.</param>
/// <param name="StreamVersion">Version of the application's stream after this event.</param>
/// <param name="OccurredAt">When Funding recorded it.</param>
/// <param name="ApplicantId">Pseudonymous id of the applicant.</param>
/// <param name="ProgrammeId">The programme.</param>
/// <param name="ProgrammeYear">The programme's year.</param>
/// <param name="Category">Category code.</param>
/// <param name="RegencyCode">BPS code of the applicant's regency.</param>
/// <param name="Kecamatan">The applicant's kecamatan.</param>
/// <param name="CooperativeId">The koperasi the business belongs to, if any.</param>
/// <param name="Amount">The grant in rupiah.</param>
/// <param name="DecreeNumber">Number of the decree (surat keputusan) of the batch.</param>
/// <param name="DecreeDate">Its date.</param>
[MessageUrn("koperasi:funding:grant-decreed:v1")]
public sealed record GrantDecreed(
    Guid ApplicationId,
    long StreamVersion,
    DateTimeOffset OccurredAt,
    Guid ApplicantId,
    Guid ProgrammeId,
    int ProgrammeYear,
    string Category,
    string RegencyCode,
    string Kecamatan,
    Guid? CooperativeId,
    decimal Amount,
    string DecreeNumber,
    DateOnly DecreeDate) : IIntegrationEvent;
