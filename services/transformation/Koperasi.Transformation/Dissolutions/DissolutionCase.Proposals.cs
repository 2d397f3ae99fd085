using Koperasi.ServiceDefaults.Decisions;
using Koperasi.Transformation.Cases;

namespace Koperasi.Transformation.Dissolutions;

// Opening a case on either path. The koperasi must exist, not be dissolved, and be in no other open
// case (transformation or dissolution): the same rule, and the same claim, as a transformation's.
public sealed partial record DissolutionCase
{
    public static Decision ProposeByMembers(MembersDissolutionProposal command, Standing standing, DateOnly today, DissolutionOptions options)
    {
        if (CheckOpening(command.CooperativeId, command.ProposedOn, standing, today) is { } refused)
        {
            return refused;
        }

        var cooperative = Dissolving(standing);
        if (command.Proposer == DissolutionProposer.Members)
        {
            if (command.ProposerCount is not > 0)
            {
                return DomainError.Unprocessable("proposer-count-required", "A dissolution proposed by members gives how many members propose it.", "proposerCount");
            }

            if (standing.Cooperative!.MemberCount is null)
            {
                return DomainError.Unprocessable(
                    "member-count-unknown",
                    $"The register has not announced the member count of {cooperative.Name}; the share of proposing members cannot be checked.",
                    "proposerCount");
            }

            if (!options.ProposerShare.IsReachedBy(command.ProposerCount.Value, cooperative.MemberCount))
            {
                return DomainError.Unprocessable(
                    "too-few-proposing-members",
                    $"{command.ProposerCount} of the {cooperative.MemberCount} registered members propose the dissolution; at least {options.ProposerShare} of the members must.",
                    "proposerCount");
            }
        }
        else if (command.ProposerCount is not null)
        {
            return DomainError.Unprocessable("proposer-count-only-for-members", "Only a proposal by members gives a count of proposing members.", "proposerCount");
        }

        return Decision.Accept(new DissolutionProposedByMembers(command.CaseId, command.ProposedOn, cooperative, command.Proposer, command.ProposerCount));
    }

    public static Decision ProposeByGovernment(GovernmentDissolutionProposal command, Standing standing, DateOnly today, DissolutionOptions options)
    {
        if (CheckOpening(command.CooperativeId, command.ProposedOn, standing, today) is { } refused)
        {
            return refused;
        }

        if (command.Grounds.Count == 0)
        {
            return DomainError.Unprocessable("grounds-required", "A government dissolution names at least one ground, with its evidence.", "grounds");
        }

        var cooperative = Dissolving(standing);
        for (var i = 0; i < command.Grounds.Count; i++)
        {
            if (CheckGround(command.Grounds[i], $"grounds[{i}]", cooperative, command.ProposedOn, options) is { } broken)
            {
                return broken;
            }
        }

        if (command.Grounds.GroupBy(g => g.Kind).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            return DomainError.Unprocessable("ground-repeated", $"The ground {twice.Key} is named more than once; name each ground once with all its evidence.", "grounds");
        }

        return Decision.Accept(new DissolutionProposedByGovernment(command.CaseId, command.ProposedOn, cooperative, command.Grounds));
    }

    private static DomainError? CheckOpening(Guid cooperativeId, DateOnly proposedOn, Standing standing, DateOnly today) =>
        proposedOn > today
            ? DomainError.Unprocessable("proposal-in-future", "The proposal's date is after today.", "proposedOn")
            : TransformationCase.MayTakePart(cooperativeId, standing, "cooperativeId");

    private static DissolvingCooperative Dissolving(Standing standing)
    {
        var known = standing.Cooperative!;
        return new DissolvingCooperative(known.Id, known.Name!.Value, known.RegencyCode!.Value, known.MemberCount?.Value ?? 0, known.LatestRatYear);
    }

    private static DomainError? CheckGround(DissolutionGround ground, string field, DissolvingCooperative cooperative, DateOnly proposedOn, DissolutionOptions options)
    {
        if (string.IsNullOrWhiteSpace(ground.Evidence))
        {
            return DomainError.Unprocessable("ground-needs-evidence", $"The ground {ground.Kind} needs its evidence (a document reference).", $"{field}.evidence");
        }

        switch (ground.Kind)
        {
            case DissolutionGroundKind.NoRat:
                // The last closed financial year is the previous calendar year; its RAT is held in this one.
                var lastClosedYear = proposedOn.Year - 1;
                if (cooperative.LatestRatYear is { } latest && lastClosedYear - latest < options.NoRatYears)
                {
                    return DomainError.Unprocessable(
                        "no-rat-ground-contradicted",
                        $"The register has a RAT of {cooperative.Name} for the financial year {latest}: fewer than {options.NoRatYears} consecutive financial years up to {lastClosedYear} are without a RAT.",
                        $"{field}.kind");
                }

                return null;
            case DissolutionGroundKind.NoBusiness:
                if (ground.Since is not { } since)
                {
                    return DomainError.Unprocessable("no-business-ground-needs-since", "The ground of no business gives the day business stopped.", $"{field}.since");
                }

                return since.AddYears(options.NoBusinessYears) > proposedOn
                    ? DomainError.Unprocessable(
                        "no-business-period-too-short",
                        $"Business stopped on {since:yyyy-MM-dd}: fewer than {options.NoBusinessYears} years before the proposal ({proposedOn:yyyy-MM-dd}).",
                        $"{field}.since")
                    : null;
            default:
                return ground.Since is not null
                    ? DomainError.Unprocessable("since-only-for-no-business", "Only the ground of no business gives a day it started.", $"{field}.since")
                    : null;
        }
    }
}
