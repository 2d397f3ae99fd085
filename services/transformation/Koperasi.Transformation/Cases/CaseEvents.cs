using Marten;

namespace Koperasi.Transformation.Cases;

// The events of a case's stream. They are private to this service; what others see is in
// Koperasi.Contracts (Messaging/TransformationIntegrationEvents.cs maps one to the other).

public sealed record MergerProposed(Guid CaseId, DateOnly ProposedOn, Participant Survivor, IReadOnlyList<Participant> Absorbed);

public sealed record AmalgamationProposed(Guid CaseId, DateOnly ProposedOn, IReadOnlyList<Participant> Participants, NewCooperative NewCooperative);

public sealed record ArticlesAmendmentProposed(Guid CaseId, DateOnly ProposedOn, Participant Cooperative, ArticlesChanges Changes, bool RatificationRequired);

/// <summary>A participant's members' meeting decided; the policy it was judged by travels with it.</summary>
public sealed record MembersMeetingRecorded(
    Guid CaseId,
    Guid CooperativeId,
    DateOnly HeldOn,
    int MembersPresent,
    int MembersTotal,
    int VotesFor,
    int VotesAgainst,
    Fraction Quorum,
    Fraction Majority,
    bool QuorumMet,
    bool MajorityReached);

public sealed record NotarialDeedRecorded(Guid CaseId, string Number, DateOnly Date, string Notary);

public sealed record RatificationRecorded(Guid CaseId, string DecreeNumber, DateOnly DecreeDate);

// Approval: each carries all the register needs to apply the case, so the relay publishes it as is.

public sealed record MergerCaseApproved(Guid CaseId, Guid SurvivorId, IReadOnlyList<Guid> AbsorbedIds, NotarialDeed Deed, Ratification Ratification, DateOnly EffectiveOn);

public sealed record AmalgamationCaseApproved(Guid CaseId, IReadOnlyList<Guid> ParticipantIds, NewCooperative NewCooperative, NotarialDeed Deed, Ratification Ratification, DateOnly EffectiveOn);

public sealed record ArticlesAmendmentCaseApproved(Guid CaseId, Guid CooperativeId, ArticlesChanges Changes, NotarialDeed Deed, Ratification? Ratification, DateOnly EffectiveOn);

/// <summary>The register applied the case. <see cref="EndedCooperativeIds"/> no longer exist as legal entities.</summary>
public sealed record CaseCompleted(
    Guid CaseId,
    CaseKind Kind,
    IReadOnlyList<Guid> CooperativeIds,
    Guid ResultingCooperativeId,
    IReadOnlyList<Guid> EndedCooperativeIds,
    int MembersMoved,
    DateOnly EffectiveOn,
    DateTimeOffset AppliedAt);

public sealed record CaseRejected(Guid CaseId, CaseKind Kind, IReadOnlyList<Guid> CooperativeIds, string Rule, string Reason);

public sealed record CaseWithdrawn(Guid CaseId, CaseKind Kind, IReadOnlyList<Guid> CooperativeIds, string Reason);

/// <summary>Stored event names: stable, so renaming or moving a class never breaks history.</summary>
public static class CaseEventNames
{
    public static void Register(StoreOptions options)
    {
        options.Events.MapEventType<MergerProposed>("merger-proposed");
        options.Events.MapEventType<AmalgamationProposed>("amalgamation-proposed");
        options.Events.MapEventType<ArticlesAmendmentProposed>("articles-amendment-proposed");
        options.Events.MapEventType<MembersMeetingRecorded>("members-meeting-recorded");
        options.Events.MapEventType<NotarialDeedRecorded>("notarial-deed-recorded");
        options.Events.MapEventType<RatificationRecorded>("ratification-recorded");
        options.Events.MapEventType<MergerCaseApproved>("merger-approved");
        options.Events.MapEventType<AmalgamationCaseApproved>("amalgamation-approved");
        options.Events.MapEventType<ArticlesAmendmentCaseApproved>("articles-amendment-approved");
        options.Events.MapEventType<CaseCompleted>("case-completed");
        options.Events.MapEventType<CaseRejected>("case-rejected");
        options.Events.MapEventType<CaseWithdrawn>("case-withdrawn");
    }
}
