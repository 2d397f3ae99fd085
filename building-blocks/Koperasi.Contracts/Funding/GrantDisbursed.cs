using MassTransit;

namespace Koperasi.Contracts.Funding;

/// <summary>
/// A decreed grant was paid by bank transfer. When it names a koperasi, the Registry records that
/// the koperasi received government aid (which matters for its dissolution).
/// </summary>
/// <param name="ApplicationId">The application.</param>
/// <param name="StreamVersion">Version of the application's stream after this event.</param>
/// <param name="OccurredAt">When Funding recorded it.</param>
/// <param name="ApplicantId">Pseudonymous id of the applicant.</param>
/// <param name="ProgrammeId">The programme.</param>
/// <param name="ProgrammeYear">The programme's year.</param>
/// <param name="RegencyCode">BPS code of the applicant's regency.</param>
/// <param name="CooperativeId">The koperasi the business belongs to, if any.</param>
/// <param name="Amount">The amount paid in rupiah.</param>
/// <param name="DisbursedOn">The day the bank made the transfer.</param>
/// <param name="TransferReference">The bank's reference of the transfer.</param>
[MessageUrn("koperasi:funding:grant-disbursed:v1")]
public sealed record GrantDisbursed(
    Guid ApplicationId,
    long StreamVersion,
    DateTimeOffset OccurredAt,
    Guid ApplicantId,
    Guid ProgrammeId,
    int ProgrammeYear,
    string RegencyCode,
    Guid? CooperativeId,
    decimal Amount,
    DateOnly DisbursedOn,
    string TransferReference) : IIntegrationEvent;
