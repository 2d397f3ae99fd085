using JasperFx.Events;
using Koperasi.Contracts.Funding;
using Koperasi.Funding.Applications;
using Koperasi.ServiceDefaults.Messaging;

namespace Koperasi.Funding.Messaging;

/// <summary>
/// Funding's one map from its private events to its public contracts. None of them carries a NIK,
/// a name, a phone or a bank account: the applicant travels as its pseudonymous id. A decree and a
/// disbursement repeat what the application was submitted with; that comes from the application
/// as of the event, not from the event.
/// </summary>
public sealed class FundingIntegrationEvents : IIntegrationEventMap
{
    public IReadOnlyCollection<Type> PublishedEventTypes { get; } =
        [typeof(ApplicationSubmitted), typeof(GrantAwarded), typeof(DisbursementCompleted), typeof(MonitoringVisitRecorded)];

    public async ValueTask<object?> MapAsync(IEvent committed, IStreamStates streams, CancellationToken cancellationToken) => committed.Data switch
    {
        ApplicationSubmitted e => new GrantApplicationSubmitted(
            e.ApplicationId, committed.Version, committed.Timestamp, e.ApplicantId, e.ProgrammeId, e.ProgrammeYear, e.Category,
            e.RegencyCode, e.Kecamatan, e.CooperativeId),
        GrantAwarded e => Decreed(committed, e, await streams.AsOfAsync<Application>(committed, cancellationToken)),
        DisbursementCompleted e => Disbursed(committed, e, await streams.AsOfAsync<Application>(committed, cancellationToken)),
        MonitoringVisitRecorded e => new GrantMonitored(
            e.ApplicationId, committed.Version, committed.Timestamp, e.ApplicantId, e.ProgrammeYear, e.RegencyCode, e.VisitedOn,
            e.FundsUsedAsPlanned, e.MonthlyRevenue, e.Production),
        _ => null,
    };

    private static GrantDecreed Decreed(IEvent committed, GrantAwarded e, Application application) => new(
        e.ApplicationId, committed.Version, committed.Timestamp, application.ApplicantId, application.ProgrammeId, application.ProgrammeYear,
        application.Category, application.RegencyCode, application.Kecamatan, application.CooperativeId, e.Amount, e.DecreeNumber, e.DecreeDate);

    private static GrantDisbursed Disbursed(IEvent committed, DisbursementCompleted e, Application application) => new(
        e.ApplicationId, committed.Version, committed.Timestamp, application.ApplicantId, application.ProgrammeId, application.ProgrammeYear,
        application.RegencyCode, application.CooperativeId, e.Amount, e.DisbursedOn, e.TransferReference);
}
