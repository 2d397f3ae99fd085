using System.Text.Json.Serialization;
using Marten;

namespace Koperasi.Registry.Cooperatives;

// The events of a koperasi's stream. They are private to the Registry; what others see is in
// Koperasi.Contracts (Messaging/RegistryIntegrationEvents.cs maps one to the other).

/// <summary>
/// A koperasi was registered. Stored flat (the profile's members beside the others), as it was
/// before the profile existed: see <see cref="FlatProfileJsonConverter{T}"/>.
/// </summary>
[JsonConverter(typeof(FlatProfileJsonConverter<RegistrationRecorded>))]
public sealed record RegistrationRecorded(
    Guid CooperativeId,
    CooperativeProfile Profile,
    LegalEntity LegalEntity,
    NotarialDeed? Deed,
    int FoundingMembers,
    int MemberCount,
    string? Nib,
    IReadOnlyList<BoardMember> Board,
    Contact? Contact,
    IReadOnlyList<Guid>? PredecessorIds = null,
    Guid? CaseId = null);

/// <summary>
/// A RAT was reported. <see cref="MemberCount"/> is set when it changes the register's member count
/// (a RAT of the latest year, reported after the registration, whose members' total differs): the
/// register's count changes only by an event that says so, never as a side effect.
/// </summary>
public sealed record RatRecorded(
    Guid CooperativeId,
    int FinancialYear,
    DateOnly HeldOn,
    int MembersPresent,
    int MembersTotal,
    RatMode Mode,
    bool Late,
    decimal? Assets,
    decimal? BusinessVolume,
    decimal? Surplus,
    int? MemberCount = null);

public sealed record ActivityChanged(
    Guid CooperativeId,
    ActivityStatus From,
    ActivityStatus To,
    DateOnly EffectiveOn,
    string Reason);

/// <summary>
/// A fact about the past arrived (a RAT entered long after it was held) or the policy changed,
/// so the activity history recorded so far was wrong: this is the whole corrected history.
/// </summary>
public sealed record ActivityHistoryRevised(
    Guid CooperativeId,
    IReadOnlyList<ActivityPeriod> Periods,
    string Reason);

/// <summary>Notifiable data changed; a null part is unchanged.</summary>
public sealed record DetailsChanged(
    Guid CooperativeId,
    Address? Address,
    IReadOnlyList<BoardMember>? Board,
    Contact? Contact,
    string? Nib,
    NikKoperasi? NikKoperasi);

/// <summary>
/// The one-off mapping found the Kemendagri code of the free-text kecamatan the koperasi was
/// registered with (its name matched a kecamatan of its regency); the free text stays as it is.
/// </summary>
public sealed record KecamatanCodeRecorded(Guid CooperativeId, string KecamatanCode);

/// <summary>The koperasi ceased to be a legal entity; its members went to the successor, if any.</summary>
public sealed record DissolutionRecorded(
    Guid CooperativeId,
    DissolutionReason Reason,
    DateOnly EffectiveOn,
    Guid? SuccessorId,
    Guid? CaseId,
    bool WithoutLiquidation);

/// <summary>A dissolution case was opened on the koperasi (at <see cref="CaseVersion"/> of the case's stream): it is dissolving.</summary>
public sealed record DissolutionProposed(Guid CooperativeId, Guid CaseId, DissolutionReason Reason, DateOnly? ProposedOn, long CaseVersion);

/// <summary>The dissolution was decided (the meeting, or the ministry's decree): the koperasi is in liquidation.</summary>
public sealed record LiquidationStarted(Guid CooperativeId, Guid CaseId, DissolutionReason Reason, DateOnly DecidedOn, string? DecreeNumber, long CaseVersion);

/// <summary>The dissolution case closed without dissolving (rejected or withdrawn): the koperasi is existing again.</summary>
public sealed record DissolutionCaseEnded(Guid CooperativeId, Guid CaseId, string Outcome, string Rule, DateOnly ClosedOn, long CaseVersion);

/// <summary>The koperasi absorbed others in a merger: their members are now its members.</summary>
public sealed record MergerRecorded(
    Guid CooperativeId,
    Guid CaseId,
    IReadOnlyList<Guid> AbsorbedIds,
    int MembersMoved,
    int MemberCount,
    DateOnly EffectiveOn,
    NotarialDeed Deed,
    Ratification Ratification);

/// <summary>A new version of the articles of association holds from <see cref="EffectiveOn"/>.</summary>
public sealed record ArticlesAmended(
    Guid CooperativeId,
    int ArticlesVersion,
    DateOnly EffectiveOn,
    ArticlesChange Changes,
    NotarialDeed Deed,
    Ratification? Ratification,
    Guid? CaseId);

/// <summary>
/// A grant of a government programme was paid to a business of the koperasi's. No personal data:
/// the programme's application is the reference. <see cref="NamedCooperativeId"/> is the koperasi
/// the grant named when that one had been dissolved into this one.
/// </summary>
public sealed record GovernmentAidReceived(
    Guid CooperativeId,
    string Programme,
    int Year,
    decimal Amount,
    DateOnly DisbursedOn,
    Guid ApplicationId,
    Guid? NamedCooperativeId);

/// <summary>Stored event names: stable, so renaming or moving a class never breaks history.</summary>
public static class CooperativeEventNames
{
    public static void Register(StoreOptions options)
    {
        options.Events.MapEventType<RegistrationRecorded>("cooperative-registered");
        options.Events.MapEventType<RatRecorded>("rat-reported");
        options.Events.MapEventType<ActivityChanged>("activity-changed");
        options.Events.MapEventType<ActivityHistoryRevised>("activity-history-revised");
        options.Events.MapEventType<DetailsChanged>("cooperative-details-changed");
        options.Events.MapEventType<DissolutionRecorded>("cooperative-dissolved");
        options.Events.MapEventType<KecamatanCodeRecorded>("kecamatan-code-recorded");
        options.Events.MapEventType<MergerRecorded>("cooperative-merged");
        options.Events.MapEventType<DissolutionProposed>("cooperative-dissolution-proposed");
        options.Events.MapEventType<LiquidationStarted>("cooperative-liquidation-started");
        options.Events.MapEventType<DissolutionCaseEnded>("cooperative-dissolution-case-ended");
        options.Events.MapEventType<ArticlesAmended>("articles-amended");
        options.Events.MapEventType<GovernmentAidReceived>("government-aid-received");
    }
}
