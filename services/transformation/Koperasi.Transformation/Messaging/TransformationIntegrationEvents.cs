using JasperFx.Events;
using Koperasi.Contracts.Transformation;
using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Messaging;
using Koperasi.Transformation.Cases;
using Koperasi.Transformation.Dissolutions;

namespace Koperasi.Transformation.Messaging;

/// <summary>The Transformation service's one map from its private events to its public contracts.</summary>
public sealed class TransformationIntegrationEvents : IIntegrationEventMap
{
    public IReadOnlyCollection<Type> PublishedEventTypes { get; } =
    [
        typeof(MergerProposed), typeof(AmalgamationProposed), typeof(ArticlesAmendmentProposed),
        typeof(MergerCaseApproved), typeof(AmalgamationCaseApproved), typeof(ArticlesAmendmentCaseApproved),
        typeof(CaseCompleted), typeof(CaseRejected), typeof(CaseWithdrawn),
        .. DissolutionIntegrationEvents.PublishedEventTypes,
    ];

    /// <summary>Every contract of this service says only what its event says.</summary>
    public ValueTask<object?> MapAsync(IEvent committed, IStreamStates streams, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Map(committed));

    public object? Map(IEvent committed) => committed.Data switch
    {
        MergerProposed e => Opened(committed, e.CaseId, CaseKind.Merger, [e.Survivor, .. e.Absorbed]),
        AmalgamationProposed e => Opened(committed, e.CaseId, CaseKind.Amalgamation, e.Participants),
        ArticlesAmendmentProposed e => Opened(committed, e.CaseId, CaseKind.ArticlesAmendment, [e.Cooperative]),
        MergerCaseApproved e => new MergerApproved(
            e.CaseId, committed.Version, committed.Timestamp, e.SurvivorId, e.AbsorbedIds, ToContract(e.Deed), ToContract(e.Ratification), e.EffectiveOn),
        AmalgamationCaseApproved e => new AmalgamationApproved(
            e.CaseId, committed.Version, committed.Timestamp, e.ParticipantIds, ToContract(e.NewCooperative), ToContract(e.Deed), ToContract(e.Ratification), e.EffectiveOn),
        ArticlesAmendmentCaseApproved e => new ArticlesAmendmentApproved(
            e.CaseId, committed.Version, committed.Timestamp, e.CooperativeId, ToContract(e.Changes), ToContract(e.Deed),
            e.Ratification is { } ratification ? ToContract(ratification) : null, e.EffectiveOn),
        CaseCompleted e => new TransformationCaseCompleted(
            e.CaseId, committed.Version, committed.Timestamp, Name(e.Kind), e.CooperativeIds, e.ResultingCooperativeId),
        CaseRejected e => new TransformationCaseRejected(
            e.CaseId, committed.Version, committed.Timestamp, Name(e.Kind), e.CooperativeIds, e.Rule, e.Reason),
        CaseWithdrawn e => new TransformationCaseWithdrawn(
            e.CaseId, committed.Version, committed.Timestamp, Name(e.Kind), e.CooperativeIds, e.Reason),
        _ => DissolutionIntegrationEvents.Map(committed),
    };

    private static TransformationCaseOpened Opened(IEvent committed, Guid caseId, CaseKind kind, IReadOnlyList<Participant> participants) => new(
        caseId, committed.Version, committed.Timestamp, Name(kind),
        [.. participants.Select(p => p.CooperativeId)],
        [.. participants.Select(p => p.RegencyCode).Distinct()]);

    private static string Name<T>(T value) where T : struct, Enum => KebabEnum.Name(value);

    private static string? NameOf<T>(T? value) where T : struct, Enum => value is { } given ? KebabEnum.Name(given) : null;

    private static Deed ToContract(NotarialDeed deed) => new(deed.Number, deed.Date, deed.Notary);

    private static Contracts.Transformation.Ratification ToContract(Cases.Ratification ratification) => new(ratification.DecreeNumber, ratification.DecreeDate);

    private static Contracts.Transformation.Domicile ToContract(Cases.Domicile domicile) =>
        new(domicile.Street, domicile.Kecamatan, domicile.RegencyCode, domicile.Village, domicile.PostalCode);

    private static Contracts.Transformation.NewCooperative ToContract(Cases.NewCooperative c) => new(
        c.CooperativeId, c.Name, Name(c.Form), Name(c.Type), NameOf(c.SavingsLoanScheme), c.Syariah, c.MultiPihak, c.MemberClasses,
        Name(c.SupervisionLevel), ToContract(c.Domicile), c.BusinessField);

    private static Contracts.Transformation.ArticlesChanges ToContract(Cases.ArticlesChanges c) => new(
        c.Name, c.Domicile is { } domicile ? ToContract(domicile) : null, NameOf(c.Type), NameOf(c.SavingsLoanScheme), NameOf(c.Form),
        c.BusinessField, c.OtherArticles);
}
