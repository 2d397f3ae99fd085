using Koperasi.Transformation.Cooperatives;

namespace Koperasi.Transformation.Cases;

/// <summary>A merger as the domain sees it: validated in shape, the case id chosen.</summary>
public sealed record MergerProposal(Guid CaseId, DateOnly ProposedOn, Guid SurvivorId, IReadOnlyList<Guid> AbsorbedIds);

/// <summary>An amalgamation: its participants and the koperasi it founds (with the id it will have).</summary>
public sealed record AmalgamationProposal(Guid CaseId, DateOnly ProposedOn, IReadOnlyList<Guid> ParticipantIds, NewCooperative NewCooperative);

/// <summary>A change of the articles of association of one koperasi.</summary>
public sealed record ArticlesAmendmentProposal(Guid CaseId, DateOnly ProposedOn, Guid CooperativeId, ArticlesChanges Changes);

/// <summary>What a participant's members' meeting decided.</summary>
public sealed record MeetingVotes(Guid CooperativeId, DateOnly HeldOn, int MembersPresent, int MembersTotal, int VotesFor, int VotesAgainst);

/// <summary>The register's answer that it applied a case: the koperasi that results, and the members who moved.</summary>
public sealed record RegistryApplied(CaseKind Kind, Guid ResultingCooperativeId, int MembersMoved, DateTimeOffset AppliedAt);

/// <summary>
/// What a proposal may know of a koperasi it names: the register's facts as this service holds
/// them, and the case that holds it, if any.
/// </summary>
public sealed record Standing(KnownCooperative? Cooperative, ParticipationClaim? Claim);
