using Marten;

namespace Koperasi.Registry.Cooperatives;

// The events of a koperasi's stream. They are private to the Registry; what others see is in
// Koperasi.Contracts (Messaging/RegistryIntegrationEvents.cs maps one to the other).

public sealed record CooperativeRegistered(
    Guid CooperativeId,
    string Name,
    CooperativeForm Form,
    CooperativeType Type,
    SavingsLoanScheme? SavingsLoanScheme,
    bool Syariah,
    bool MultiPihak,
    IReadOnlyList<string> MemberClasses,
    SupervisionLevel SupervisionLevel,
    Address Address,
    LegalEntity LegalEntity,
    NotarialDeed? Deed,
    int FoundingMembers,
    int MemberCount,
    string BusinessField,
    string? Nib,
    IReadOnlyList<BoardMember> Board,
    Contact? Contact);

public sealed record RatReported(
    Guid CooperativeId,
    int FinancialYear,
    DateOnly HeldOn,
    int MembersPresent,
    int MembersTotal,
    RatMode Mode,
    bool Late,
    decimal? Assets,
    decimal? BusinessVolume,
    decimal? Surplus);

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
public sealed record CooperativeDetailsChanged(
    Guid CooperativeId,
    Address? Address,
    IReadOnlyList<BoardMember>? Board,
    Contact? Contact,
    string? Nib,
    NikKoperasi? NikKoperasi);

/// <summary>Stored event names: stable, so renaming or moving a class never breaks history.</summary>
public static class CooperativeEventNames
{
    public static void Register(StoreOptions options)
    {
        options.Events.MapEventType<CooperativeRegistered>("cooperative-registered");
        options.Events.MapEventType<RatReported>("rat-reported");
        options.Events.MapEventType<ActivityChanged>("activity-changed");
        options.Events.MapEventType<ActivityHistoryRevised>("activity-history-revised");
        options.Events.MapEventType<CooperativeDetailsChanged>("cooperative-details-changed");
    }
}
