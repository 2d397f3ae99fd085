using JasperFx.Events;
using Koperasi.Contracts.Registry;
using Koperasi.Registry.Cooperatives;
using Koperasi.ServiceDefaults.Regions;
using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Messaging;

namespace Koperasi.Registry.Messaging;

/// <summary>The Registry's one map from its private events to its public contracts.</summary>
public sealed class RegistryIntegrationEvents : IIntegrationEventMap
{
    public IReadOnlyCollection<Type> PublishedEventTypes { get; } =
    [
        typeof(RegistrationRecorded), typeof(DetailsChanged), typeof(RatRecorded), typeof(ActivityChanged), typeof(ActivityHistoryRevised),
        typeof(DissolutionRecorded), typeof(MergerRecorded), typeof(ArticlesAmended),
    ];

    /// <summary>Every contract of this service says only what its event says.</summary>
    public ValueTask<object?> MapAsync(IEvent committed, IStreamStates streams, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Map(committed));

    public object? Map(IEvent committed) => committed.Data switch
    {
        RegistrationRecorded e => Registered(e, committed),
        DetailsChanged e => new CooperativeDetailsChanged(
            e.CooperativeId, committed.Version, committed.Timestamp,
            e.Address is { } address ? ToContract(address) : null,
            e.Board?.Select(b => new Contracts.Registry.BoardMember(b.Name, Name(b.Position))).ToList(),
            e.Contact is { } contact ? new CooperativeContact(contact.Phone, contact.Email) : null,
            e.Nib,
            e.NikKoperasi?.Number),
        RatRecorded e => new RatReported(
            e.CooperativeId, committed.Version, committed.Timestamp, e.FinancialYear, e.HeldOn, e.MembersPresent, e.MembersTotal,
            Name(e.Mode), e.Late, e.Assets, e.BusinessVolume, e.Surplus, e.MemberCount),
        ActivityChanged e => new CooperativeActivityChanged(
            e.CooperativeId, committed.Version, committed.Timestamp, Name(e.From), Name(e.To), e.EffectiveOn, e.Reason),
        // A revised history is published as a change only when the current activity differs from
        // what subscribers were last told; a corrected past alone changes nothing for them.
        ActivityHistoryRevised e when e.Periods.Count >= 2 && e.Periods[^1].Status != e.Periods[^2].Status => new CooperativeActivityChanged(
            e.CooperativeId, committed.Version, committed.Timestamp, Name(e.Periods[^2].Status), Name(e.Periods[^1].Status), e.Periods[^1].From, e.Reason),
        DissolutionRecorded e => new CooperativeDissolved(
            e.CooperativeId, committed.Version, committed.Timestamp, Name(e.Reason), e.EffectiveOn, e.SuccessorId, e.CaseId, e.WithoutLiquidation),
        MergerRecorded e => new CooperativeMerged(
            e.CooperativeId, committed.Version, committed.Timestamp, e.AbsorbedIds, e.MembersMoved, e.MemberCount, e.CaseId, e.EffectiveOn),
        ArticlesAmended e => new CooperativeAmended(
            e.CooperativeId, committed.Version, committed.Timestamp, e.ArticlesVersion, e.EffectiveOn, e.CaseId,
            e.Changes.Name,
            e.Changes.Domicile is { } domicile ? ToContract(domicile) : null,
            e.Changes.Type is { } type ? Name(type) : null,
            e.Changes.SavingsLoanScheme is { } scheme ? Name(scheme) : null,
            e.Changes.Form is { } form ? Name(form) : null,
            e.Changes.BusinessField,
            e.Changes.OtherArticles),
        _ => null,
    };

    private static CooperativeRegistered Registered(RegistrationRecorded e, IEvent committed)
    {
        var profile = e.Profile;
        return new CooperativeRegistered(
            e.CooperativeId, committed.Version, committed.Timestamp, profile.Name, Name(profile.Form), Name(profile.Type),
            profile.SavingsLoanScheme is { } scheme ? Name(scheme) : null, profile.Syariah, profile.MultiPihak, Name(profile.SupervisionLevel),
            ToContract(profile.Address), e.LegalEntity.DecreeNumber, e.LegalEntity.DecreeDate, e.Nib,
            profile.BusinessField, e.MemberCount, e.PredecessorIds is { Count: > 0 } predecessors ? predecessors : null, e.CaseId);
    }

    private static string Name<T>(T value) where T : struct, Enum => KebabEnum.Name(value);

    private static CooperativeAddress ToContract(Address a) =>
        new(a.Street, a.Village, a.Kecamatan, a.RegencyCode, Regencies.Get(a.RegencyCode).DisplayName, a.PostalCode);
}
