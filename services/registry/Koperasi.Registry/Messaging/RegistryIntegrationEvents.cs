using JasperFx.Events;
using Koperasi.Contracts.Registry;
using Koperasi.Registry.Cooperatives;
using Koperasi.ServiceDefaults.Regions;
using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Messaging;
using Published = Koperasi.Contracts.Registry;

namespace Koperasi.Registry.Messaging;

/// <summary>The Registry's one map from its private events to its public contracts.</summary>
public sealed class RegistryIntegrationEvents : IIntegrationEventMap
{
    public IReadOnlyCollection<Type> PublishedEventTypes { get; } =
    [
        typeof(RegistrationRecorded), typeof(DetailsChanged), typeof(RatRecorded), typeof(ActivityChanged), typeof(ActivityHistoryRevised),
        typeof(DissolutionRecorded), typeof(MergerRecorded), typeof(ArticlesAmended),
        typeof(Supervision.PembinaAssigned), typeof(Supervision.PembinaReassigned), typeof(Supervision.SupervisionRecorded), typeof(Supervision.FlagshipDesignated),
        typeof(Supervision.FlagshipDesignationEnded), typeof(Supervision.KdmpMarked),
    ];

    /// <summary>
    /// Every contract says what its event says; a supervision record adds its koperasi's regency,
    /// and a designation's end adds the designation's regency, from the stream's state then.
    /// </summary>
    public async ValueTask<object?> MapAsync(IEvent committed, IStreamStates streams, CancellationToken cancellationToken) => committed.Data switch
    {
        Supervision.SupervisionRecorded e => new Published.SupervisionRecorded(
            e.CooperativeId, committed.Version, committed.Timestamp, e.RecordId, Name(e.Kind), e.HeldOn, e.PembinaUserId,
            (await streams.AsOfAsync<Supervision.CooperativeSupervision>(committed, cancellationToken)).RegencyCode,
            e.Findings, e.Recommendations, [.. e.FollowUps.Select((f, i) => new SupervisionFollowUp(i + 1, f.Action, f.DueOn))]),
        Supervision.FlagshipDesignationEnded e => new Published.FlagshipDesignationEnded(
            e.CooperativeId, committed.Version, committed.Timestamp, e.DesignationId,
            (await streams.AsOfAsync<Supervision.CooperativeSupervision>(committed, cancellationToken)).Designations.First(d => d.DesignationId == e.DesignationId).RegencyCode,
            e.EndedOn, e.Reason, committed.UserName ?? "unknown"),
        _ => Map(committed),
    };

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
        // A corrected history is its own contract carrying the periods as now known, never a
        // change from one activity into another dated years ago (which never happened).
        ActivityHistoryRevised e => Corrected(e, committed),
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
        Supervision.PembinaAssigned e => new Published.PembinaAssigned(
            e.CooperativeId, committed.Version, committed.Timestamp, Name(e.Level), e.PembinaUserId, e.RegencyCode, e.AssignedOn, null),
        Supervision.PembinaReassigned e => new Published.PembinaAssigned(
            e.CooperativeId, committed.Version, committed.Timestamp, Name(e.Level), e.PembinaUserId, e.RegencyCode, e.ReassignedOn, e.PreviousPembinaUserId),
        Supervision.FlagshipDesignated e => new Published.FlagshipDesignated(
            e.CooperativeId, committed.Version, committed.Timestamp, e.DesignationId, e.RegencyCode, Regencies.NameOf(e.RegencyCode),
            e.Reason, e.ValidFrom, e.ValidUntil, committed.UserName ?? "unknown"),
        Supervision.KdmpMarked e => new Published.KdmpMarked(
            e.CooperativeId, committed.Version, committed.Timestamp, e.DesaCode, Places.FindDesa(e.DesaCode)?.Name ?? e.DesaCode,
            e.KecamatanCode, Places.FindKecamatan(e.KecamatanCode)?.Name ?? e.KecamatanCode, e.RegencyCode, e.MarkedOn),
        _ => null,
    };

    private static CooperativeRegistered Registered(RegistrationRecorded e, IEvent committed)
    {
        var profile = e.Profile;
        return new CooperativeRegistered(
            e.CooperativeId, committed.Version, committed.Timestamp, profile.Name, Name(profile.Form), Name(profile.Type),
            profile.SavingsLoanScheme is { } scheme ? Name(scheme) : null, profile.Syariah, profile.MultiPihak, Name(profile.SupervisionLevel),
            ToContract(profile.Address), e.LegalEntity.DecreeNumber, e.LegalEntity.DecreeDate, e.Nib,
            profile.BusinessField, e.MemberCount, e.PredecessorIds is { Count: > 0 } predecessors ? predecessors : null, e.CaseId,
            e.FoundingMembers,
            e.Deed is { } deed ? new EstablishmentDeed(deed.Number, deed.Date, deed.Notary) : null,
            e.Board is { } board ? [.. board.Select(b => new Contracts.Registry.BoardMember(b.Name, Name(b.Position)))] : null,
            profile.MemberClasses,
            e.Contact is { } contact ? new CooperativeContact(contact.Phone, contact.Email) : null);
    }

    /// <summary>The reason subscribers read (the stored event's reason is the officer's, in Indonesian).</summary>
    public const string CorrectionReason = "The activity history was recomputed because a RAT was reported late or the activity policy changed.";

    private static CooperativeActivityCorrected Corrected(ActivityHistoryRevised e, IEvent committed) => new(
        e.CooperativeId, committed.Version, committed.Timestamp,
        [.. e.Periods.Select((period, i) => new Published.ActivityPeriod(period.From, i + 1 < e.Periods.Count ? e.Periods[i + 1].From : null, Name(period.Status)))],
        CorrectionReason);

    private static string Name<T>(T value) where T : struct, Enum => KebabEnum.Name(value);

    private static CooperativeAddress ToContract(Address a) =>
        new(a.Street, a.Village, a.Kecamatan, a.RegencyCode, Regencies.Get(a.RegencyCode).DisplayName, a.PostalCode, a.KecamatanCode, a.DesaCode);
}
