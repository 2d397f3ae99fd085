using JasperFx.Events;
using Koperasi.Funding.Applications;
using Koperasi.ServiceDefaults.Messaging;
using Public = Koperasi.Contracts.Funding;

namespace Koperasi.Funding.Messaging;

/// <summary>
/// Funding's one map from its private events to its public contracts. None of them carries a NIK,
/// a name, a phone or a bank account: the applicant travels as its pseudonymous id.
/// </summary>
public sealed class FundingIntegrationEvents : IIntegrationEventMap
{
    public IReadOnlyCollection<Type> PublishedEventTypes { get; } =
        [typeof(ApplicationSubmitted), typeof(GrantDecreed), typeof(GrantDisbursed), typeof(MonitoringVisitRecorded)];

    public object? Map(IEvent committed) => committed.Data switch
    {
        ApplicationSubmitted e => new Public.GrantApplicationSubmitted(
            e.ApplicationId, committed.Version, committed.Timestamp, e.ApplicantId, e.ProgrammeId, e.ProgrammeYear, e.Category,
            e.RegencyCode, e.Kecamatan, e.CooperativeId),
        GrantDecreed e => new Public.GrantDecreed(
            e.ApplicationId, committed.Version, committed.Timestamp, e.ApplicantId, e.ProgrammeId, e.ProgrammeYear, e.Category,
            e.RegencyCode, e.Kecamatan, e.CooperativeId, e.Amount, e.DecreeNumber, e.DecreeDate),
        GrantDisbursed e => new Public.GrantDisbursed(
            e.ApplicationId, committed.Version, committed.Timestamp, e.ApplicantId, e.ProgrammeId, e.ProgrammeYear, e.RegencyCode,
            e.CooperativeId, e.Amount, e.DisbursedOn, e.TransferReference),
        MonitoringVisitRecorded e => new Public.GrantMonitored(
            e.ApplicationId, committed.Version, committed.Timestamp, e.ApplicantId, e.ProgrammeYear, e.RegencyCode, e.VisitedOn,
            e.FundsUsedAsPlanned, e.MonthlyRevenue, e.Production),
        _ => null,
    };
}
