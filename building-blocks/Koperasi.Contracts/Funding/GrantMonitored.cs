using MassTransit;

namespace Koperasi.Contracts.Funding;

/// <summary>A pendamping visited a grant recipient's business and recorded how the grant is used.</summary>
/// <param name="ApplicationId">The application.</param>
/// <param name="StreamVersion">Version of the application's stream after this event.</param>
/// <param name="OccurredAt">When Funding recorded it.</param>
/// <param name="ApplicantId">Pseudonymous id of the applicant.</param>
/// <param name="ProgrammeYear">The programme's year.</param>
/// <param name="RegencyCode">BPS code of the applicant's regency.</param>
/// <param name="VisitedOn">The day of the visit.</param>
/// <param name="FundsUsedAsPlanned">Whether the grant was used for the business as applied.</param>
/// <param name="MonthlyRevenue">Monthly revenue in rupiah reported at the visit, if known.</param>
/// <param name="Production">What the business produces or sells, as observed.</param>
[MessageUrn("koperasi:funding:grant-monitored:v1")]
public sealed record GrantMonitored(
    Guid ApplicationId,
    long StreamVersion,
    DateTimeOffset OccurredAt,
    Guid ApplicantId,
    int ProgrammeYear,
    string RegencyCode,
    DateOnly VisitedOn,
    bool FundsUsedAsPlanned,
    decimal? MonthlyRevenue,
    string? Production) : IIntegrationEvent;
