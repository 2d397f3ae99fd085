using Koperasi.Transformation.Cases;
using Marten;

namespace Koperasi.Transformation.Dissolutions;

// The events of a dissolution case's stream, private to this service. Every one carries the
// koperasi's id, so the claim on it and the integration events need nothing else.

public sealed record DissolutionProposedByMembers(Guid CaseId, DateOnly ProposedOn, DissolvingCooperative Cooperative, DissolutionProposer Proposer, int? ProposerCount);

public sealed record DissolutionProposedByGovernment(Guid CaseId, DateOnly ProposedOn, DissolvingCooperative Cooperative, IReadOnlyList<DissolutionGround> Grounds);

public sealed record DissolutionMeetingCalled(Guid CaseId, Guid CooperativeId, DateOnly SentOn, DateOnly MeetingOn);

public sealed record DissolutionMeetingRecorded(
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

public sealed record DissolutionFieldVerified(Guid CaseId, Guid CooperativeId, DateOnly VerifiedOn, VillageLetter Letter);

public sealed record DissolutionAnnounced(Guid CaseId, Guid CooperativeId, DateOnly AnnouncedOn);

public sealed record DissolutionSentToMinistry(Guid CaseId, Guid CooperativeId, Guid BatchId, DateOnly SentOn);

public sealed record MinistryNoticeRecorded(Guid CaseId, Guid CooperativeId, MinistryNotice Notice);

public sealed record DissolutionObjectionFiled(Guid CaseId, Guid CooperativeId, DateOnly FiledOn, string Summary);

public sealed record DissolutionObjectionDecided(Guid CaseId, Guid CooperativeId, DateOnly DecidedOn, bool Upheld);

public sealed record MinistryRequestedDocuments(Guid CaseId, Guid CooperativeId, Guid BatchId, IReadOnlyList<string> Documents);

public sealed record MinistryRequestedReverification(Guid CaseId, Guid CooperativeId, Guid BatchId);

/// <summary>The dissolution is decided: by the members' meeting, or by the ministry's decree.</summary>
public sealed record DissolutionDecided(Guid CaseId, Guid CooperativeId, DissolutionPath Path, DateOnly DecidedOn, string? DecreeNumber);

public sealed record LiquidationTeamNamed(Guid CaseId, Guid CooperativeId, DateOnly NamedOn, IReadOnlyList<string> Members);

public sealed record CreditorRecorded(Guid CaseId, Guid CooperativeId, Guid CreditorId, string Name, DateOnly RecordedOn);

public sealed record CreditorNotified(Guid CaseId, Guid CooperativeId, Guid CreditorId, DateOnly NotifiedOn);

public sealed record LiquidationSettled(Guid CaseId, Guid CooperativeId, DateOnly SettledOn);

/// <summary>The legal entity is extinguished: the case is closed and the koperasi is dissolved for good.</summary>
public sealed record LegalEntityExtinguished(Guid CaseId, Guid CooperativeId, DissolutionPath Path, DateOnly EffectiveOn);

/// <summary>The koperasi held a RAT again (became aktif) while its dissolution was open.</summary>
public sealed record DissolvingCooperativeRevived(Guid CaseId, Guid CooperativeId, DateOnly RevivedOn);

public sealed record DissolutionRejected(Guid CaseId, Guid CooperativeId, string Rule, string Reason);

public sealed record DissolutionWithdrawn(Guid CaseId, Guid CooperativeId, DateOnly WithdrawnOn, string Reason);

/// <summary>The scheduled evaluation found a deadline of the case passed, the step not taken: recorded once per step and due day.</summary>
public sealed record DissolutionDeadlineMissed(Guid CaseId, Guid CooperativeId, string Step, DateOnly DueOn, DeadlineParty Party, DateOnly RecordedOn);

/// <summary>Stored event names: stable, so renaming or moving a class never breaks history.</summary>
public static class DissolutionEventNames
{
    public static void Register(StoreOptions options)
    {
        options.Events.MapEventType<DissolutionProposedByMembers>("dissolution-proposed-by-members");
        options.Events.MapEventType<DissolutionProposedByGovernment>("dissolution-proposed-by-government");
        options.Events.MapEventType<DissolutionMeetingCalled>("dissolution-meeting-called");
        options.Events.MapEventType<DissolutionMeetingRecorded>("dissolution-meeting-recorded");
        options.Events.MapEventType<DissolutionFieldVerified>("dissolution-field-verified");
        options.Events.MapEventType<DissolutionAnnounced>("dissolution-announced");
        options.Events.MapEventType<DissolutionSentToMinistry>("dissolution-sent-to-ministry");
        options.Events.MapEventType<MinistryNoticeRecorded>("ministry-notice-recorded");
        options.Events.MapEventType<DissolutionObjectionFiled>("dissolution-objection-filed");
        options.Events.MapEventType<DissolutionObjectionDecided>("dissolution-objection-decided");
        options.Events.MapEventType<MinistryRequestedDocuments>("ministry-requested-documents");
        options.Events.MapEventType<MinistryRequestedReverification>("ministry-requested-reverification");
        options.Events.MapEventType<DissolutionDecided>("dissolution-decided");
        options.Events.MapEventType<LiquidationTeamNamed>("liquidation-team-named");
        options.Events.MapEventType<CreditorRecorded>("creditor-recorded");
        options.Events.MapEventType<CreditorNotified>("creditor-notified");
        options.Events.MapEventType<LiquidationSettled>("liquidation-settled");
        options.Events.MapEventType<LegalEntityExtinguished>("legal-entity-extinguished");
        options.Events.MapEventType<DissolvingCooperativeRevived>("dissolving-cooperative-revived");
        options.Events.MapEventType<DissolutionRejected>("dissolution-rejected");
        options.Events.MapEventType<DissolutionWithdrawn>("dissolution-withdrawn");
        options.Events.MapEventType<DissolutionDeadlineMissed>("dissolution-deadline-missed");
    }
}
