namespace Koperasi.Transformation.Dissolutions;

/// <summary>A dissolution proposed to the members' meeting: by the supervisory board, or by members (their count).</summary>
public sealed record MembersDissolutionProposal(Guid CaseId, DateOnly ProposedOn, Guid CooperativeId, DissolutionProposer Proposer, int? ProposerCount);

/// <summary>A dissolution the Dinas proposes to the ministry, on grounds each with its evidence.</summary>
public sealed record GovernmentDissolutionProposal(Guid CaseId, DateOnly ProposedOn, Guid CooperativeId, IReadOnlyList<DissolutionGround> Grounds);
