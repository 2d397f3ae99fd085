namespace Koperasi.Console.Pages.Kasus;

// Transformation's answers as the Kasus pages read them (only the members they show; enum values
// stay kebab-case strings, shown through IstilahKasus).

public sealed record CaseListParticipant(Guid CooperativeId, string Name, string Role);

public sealed record CaseListItem(
    Guid Id, long Version, string Kind, string State, DateOnly ProposedOn, IReadOnlyList<CaseListParticipant> Participants,
    IReadOnlyList<string> RegencyCodes, string? NewCooperativeName, DateOnly? EffectiveOn, string? RejectionRule);

public sealed record CaseListPage(IReadOnlyList<CaseListItem> Items, int PageNumber, int PageSize, long TotalCount);

public sealed record CaseMeeting(Guid CooperativeId, DateOnly HeldOn, int MembersPresent, int MembersTotal, int VotesFor, int VotesAgainst, bool Approved);

public sealed record CaseParticipant(Guid CooperativeId, string Name, string Role, string RegencyCode, string RegencyName, int MemberCount, CaseMeeting? Meeting);

public sealed record CaseNewCooperative(string Name);

public sealed record CaseDeed(string Number, DateOnly Date, string Notary);

public sealed record CaseRatification(string DecreeNumber, DateOnly DecreeDate);

public sealed record CaseCompletion(Guid ResultingCooperativeId, IReadOnlyList<Guid> EndedCooperativeIds, int MembersMoved, DateTimeOffset AppliedAt);

public sealed record CaseRejection(string Rule, string Reason);

public sealed record CaseTimelineEntry(long Version, string Type, DateTimeOffset RecordedAt, string? Actor, string? ActorRole, string Description);

public sealed record TransformationCaseView(
    Guid Id, long Version, string Kind, string State, DateOnly ProposedOn, IReadOnlyList<CaseParticipant> Participants,
    IReadOnlyList<string> RegencyCodes, CaseNewCooperative? NewCooperative, bool RatificationRequired, CaseDeed? Deed,
    CaseRatification? Ratification, DateOnly? EffectiveOn, CaseCompletion? Completion, CaseRejection? Rejection,
    string? WithdrawalReason, string? Awaiting, IReadOnlyList<CaseTimelineEntry>? Timeline);

public sealed record MergerProposalRequest(Guid SurvivorId, IReadOnlyList<Guid> AbsorbedIds, DateOnly? ProposedOn);

public sealed record DomicileRequest(string Street, string Kecamatan, string RegencyCode);

public sealed record NewCooperativeRequest(
    string Name, string Form, string Type, string? SavingsLoanScheme, string SupervisionLevel, DomicileRequest Domicile, string BusinessField);

public sealed record AmalgamationProposalRequest(IReadOnlyList<Guid> ParticipantIds, NewCooperativeRequest NewCooperative, DateOnly? ProposedOn);

public sealed record ArticlesChangesRequest(
    string? Name, DomicileRequest? Domicile, string? Type, string? SavingsLoanScheme, string? Form, string? BusinessField, string? OtherArticles);

public sealed record ArticlesAmendmentRequest(Guid CooperativeId, ArticlesChangesRequest Changes, DateOnly? ProposedOn);

public sealed record MembersDissolutionRequest(Guid CooperativeId, string Proposer, int? ProposerCount, DateOnly? ProposedOn);

public sealed record CaseMeetingRequest(Guid CooperativeId, DateOnly HeldOn, int MembersPresent, int MembersTotal, int VotesFor, int VotesAgainst);

public sealed record CaseDeedRequest(string Number, DateOnly Date, string Notary);

public sealed record CaseRatificationRequest(string DecreeNumber, DateOnly DecreeDate);

public sealed record ReasonRequest(string Reason);

public sealed record CooperativeStandingItem(
    Guid Id, string? Name, string? RegencyCode, string? RegencyName, string? Type, int? MemberCount, Guid? CaseId, bool MayTakePart, string? Rule, string? Reason);

public sealed record CooperativeStandingPage(IReadOnlyList<CooperativeStandingItem> Items, int PageNumber, int PageSize, long TotalCount);

// Dissolutions.

public sealed record DissolutionListItem(Guid Id, long Version, string Path, string Stage, DateOnly ProposedOn, Guid CooperativeId, string Name, string RegencyCode, bool Revived);

public sealed record DissolutionListPage(IReadOnlyList<DissolutionListItem> Items, int PageNumber, int PageSize, long TotalCount);

public sealed record DissolvingKoperasi(Guid CooperativeId, string Name, string RegencyCode, int MemberCount, int? LatestRatYear);

public sealed record DissolutionGroundView(string Kind, string Evidence, DateOnly? Since);

public sealed record DissolutionInvitationView(DateOnly SentOn, DateOnly MeetingOn);

public sealed record DissolutionMeetingView(DateOnly HeldOn, int MembersPresent, int MembersTotal, int VotesFor, int VotesAgainst, bool QuorumMet, bool MajorityReached);

public sealed record VillageLetterView(string Number, DateOnly Date, string Desa);

public sealed record MinistryNoticeView(string Number, DateOnly Date);

public sealed record ObjectionView(DateOnly FiledOn, string Summary, DateOnly? DecidedOn, bool? Upheld);

public sealed record DecisionView(DateOnly DecidedOn, string? DecreeNumber);

public sealed record CreditorView(Guid CreditorId, string Name, DateOnly RecordedOn, DateOnly? NotifiedOn);

public sealed record MissedDeadlineView(string Step, DateOnly DueOn, DateOnly RecordedOn);

public sealed record DissolutionCaseView(
    Guid Id, long Version, string Path, string Stage, DateOnly ProposedOn, DissolvingKoperasi Cooperative, string? Proposer, int? ProposerCount,
    IReadOnlyList<DissolutionGroundView>? Grounds, DissolutionInvitationView? Invitation, DissolutionMeetingView? Meeting, VillageLetterView? VillageLetter,
    DateOnly? VerifiedOn, DateOnly? AnnouncedOn, Guid? BatchId, DateOnly? SentToMinistryOn, MinistryNoticeView? Notice, ObjectionView? Objection,
    IReadOnlyList<string>? DocumentsNeeded, DecisionView? Decided, DateOnly? LiquidationTeamNamedOn, IReadOnlyList<string>? LiquidationTeam,
    IReadOnlyList<CreditorView>? Creditors, DateOnly? SettledOn, DateOnly? DissolvedOn, DateOnly? RevivedOn, IReadOnlyList<MissedDeadlineView>? MissedDeadlines,
    string? Rule, string? Reason, DateOnly? WithdrawnOn);

public sealed record DueStepView(Guid CaseId, Guid CooperativeId, string CooperativeName, string RegencyCode, string Step, DateOnly DueOn, string Party, bool IsDeadline);

public sealed record RegencyDeadlinesView(string RegencyCode, IReadOnlyList<DueStepView> DueThisWeek, IReadOnlyList<DueStepView> Overdue);

public sealed record DeadlinesView(DateOnly AsOf, IReadOnlyList<RegencyDeadlinesView> Regencies);

// Ministry batches.

public sealed record BatchProposalView(Guid CaseId, Guid CooperativeId, string Name, string RegencyCode, long CaseVersion, DateOnly AddedOn);

public sealed record BatchListItem(
    Guid Id, long Version, string Title, string Status, DateOnly OpenedOn, DateOnly? SentOn, DateOnly? AnsweredOn, int Proposed, int Answered, int Approved, int Mismatches);

public sealed record BatchListPage(IReadOnlyList<BatchListItem> Items, int PageNumber, int PageSize, long TotalCount);

public sealed record OpenBatchRequest(string Title, IReadOnlyList<Guid> CaseIds, DateOnly? OpenedOn);

public sealed record BatchView(Guid Id, long Version, string Title, DateOnly OpenedOn, IReadOnlyList<BatchProposalView> Proposals, DateOnly? SentOn);

public sealed record RegencyReconciliationView(string RegencyCode, int Proposed, int Answered, int Approved, int Rejected, int DocumentsNeeded, int Reverify, int Pending);

public sealed record ReconciliationMismatchView(Guid CooperativeId, string Kind, string Detail);

public sealed record ReconciliationView(
    Guid BatchId, int Proposed, int Answered, int Approved, int Rejected, int DocumentsNeeded, int Reverify, int Pending,
    IReadOnlyList<RegencyReconciliationView> ByRegency, IReadOnlyList<ReconciliationMismatchView> Mismatches);

// Dissolution candidates (the government path's worklist).

public sealed record DissolutionCandidate(Guid CooperativeId, string Name, string RegencyCode, int MemberCount, int? LatestRatYear, int YearsWithoutRat);

public sealed record DissolutionCandidates(string RegencyCode, int LastClosedYear, int NoRatYears, IReadOnlyList<DissolutionCandidate> Items);

public sealed record GovernmentGround(string Kind, string Evidence);

public sealed record GovernmentDissolutionRequest(Guid CooperativeId, IReadOnlyList<GovernmentGround> Grounds);
