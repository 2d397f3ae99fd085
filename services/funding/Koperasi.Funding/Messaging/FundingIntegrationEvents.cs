using JasperFx.Events;
using Koperasi.Contracts.Funding;
using Koperasi.Funding.Applications;
using Koperasi.ServiceDefaults.Messaging;

namespace Koperasi.Funding.Messaging;

/// <summary>
/// Funding's one map from its private events to its public contracts. None of them carries a NIK,
/// a name, a phone or a bank account: the applicant travels as its pseudonymous id.
/// </summary>
public sealed class FundingIntegrationEvents : IIntegrationEventMap
{
    public IReadOnlyCollection<Type> PublishedEventTypes { get; } =
        [typeof(ApplicationSubmitted), typeof(GrantAwarded), typeof(DisbursementCompleted), typeof(MonitoringVisitRecorded)];

    public object? Map(IEvent committed) => committed.Data switch
    {
        ApplicationSubmitted e => new GrantApplicationSubmitted(
            e.ApplicationId, committed.Version, committed.Timestamp, e.ApplicantId, e.ProgrammeId, e.ProgrammeYear, e.Category,
            e.RegencyCode, e.Kecamatan, e.CooperativeId),
        GrantAwarded e => new GrantDecreed(
            e.ApplicationId, committed.Version, committed.Timestamp, e.ApplicantId, e.ProgrammeId, e.ProgrammeYear, e.Category,
            e.RegencyCode, e.Kecamatan, e.CooperativeId, e.Amount, e.DecreeNumber, e.DecreeDate),
        DisbursementCompleted e => new GrantDisbursed(
            e.ApplicationId, committed.Version, committed.Timestamp, e.ApplicantId, e.ProgrammeId, e.ProgrammeYear, e.RegencyCode,
            e.CooperativeId, e.Amount, e.DisbursedOn, e.TransferReference),
        MonitoringVisitRecorded e => new GrantMonitored(
            e.ApplicationId, committed.Version, committed.Timestamp, e.ApplicantId, e.ProgrammeYear, e.RegencyCode, e.VisitedOn,
            e.FundsUsedAsPlanned, e.MonthlyRevenue, e.Production),
        _ => null,
    };
}
