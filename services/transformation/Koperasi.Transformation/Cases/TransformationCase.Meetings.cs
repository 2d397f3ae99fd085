using Koperasi.ServiceDefaults.Decisions;

namespace Koperasi.Transformation.Cases;

// Each participant's members' meeting (rapat anggota) decides: quorum and majority per the policy.
public sealed partial record TransformationCase
{
    /// <summary>
    /// Records a participant's meeting, once. A meeting that misses the quorum or the majority is recorded
    /// and rejects the case, naming the rule. The members' total is checked against the register's
    /// member count (<paramref name="registeredMembers"/>, or the count known when the case was
    /// proposed): a meeting cannot have fewer members than the register says the koperasi has.
    /// </summary>
    public Decision RecordMeeting(MeetingVotes votes, DateOnly today, MeetingPolicy policy, int? registeredMembers = null)
    {
        if (RefuseWhenDecided() is { } decided)
        {
            return decided;
        }

        if (State != CaseState.Proposed)
        {
            return DomainError.Conflict("meetings-already-decided", "The members' meeting of every participant has approved; the next step is the notarial deed.");
        }

        if (ParticipantOf(votes.CooperativeId) is not { } participant)
        {
            return DomainError.Unprocessable("not-a-participant", $"Koperasi {votes.CooperativeId} is not a participant in this case.", "cooperativeId");
        }

        if (Meetings.Any(m => m.CooperativeId == votes.CooperativeId))
        {
            return DomainError.Conflict("meeting-already-recorded", $"The members' meeting of {participant.Name} is already recorded.", "cooperativeId");
        }

        if (votes.HeldOn < ProposedOn)
        {
            return DomainError.Unprocessable("meeting-before-proposal", $"A members' meeting for this case is held on or after its proposal ({ProposedOn:yyyy-MM-dd}).", "heldOn");
        }

        if (votes.HeldOn > today)
        {
            return DomainError.Unprocessable("meeting-in-future", "A members' meeting is recorded once it was held; this date is after today.", "heldOn");
        }

        var floor = registeredMembers ?? participant.MemberCount;
        if (votes.MembersTotal < floor)
        {
            return DomainError.Unprocessable(
                "members-total-below-register",
                $"The meeting of {participant.Name} counts {votes.MembersTotal} members in total; the register counts {floor}. The quorum is judged against at least the register's members.",
                "membersTotal");
        }

        var validVotes = votes.VotesFor + votes.VotesAgainst;
        var quorumMet = policy.Quorum.IsReachedBy(votes.MembersPresent, votes.MembersTotal);
        var majorityReached = policy.Majority.IsReachedBy(votes.VotesFor, validVotes);
        var recorded = new MembersMeetingRecorded(
            Id, votes.CooperativeId, votes.HeldOn, votes.MembersPresent, votes.MembersTotal, votes.VotesFor, votes.VotesAgainst,
            policy.Quorum, policy.Majority, quorumMet, majorityReached);
        if (!quorumMet)
        {
            return Decision.Accept(recorded, Rejected(
                "quorum-not-met",
                $"The members' meeting of {participant.Name} was attended by {votes.MembersPresent} of {votes.MembersTotal} members; the quorum of {policy.Quorum} was not met."));
        }

        return majorityReached
            ? Decision.Accept(recorded)
            : Decision.Accept(recorded, Rejected(
                "majority-not-reached",
                $"The members' meeting of {participant.Name}: {votes.VotesFor} for of {validVotes} valid votes; the decision needs {policy.Majority} of the valid votes."));
    }

    private CaseRejected Rejected(string rule, string reason) => new(Id, Kind, CooperativeIds, rule, reason);

    /// <summary>A case that is approved or closed takes no more steps.</summary>
    private DomainError? RefuseWhenDecided() => State switch
    {
        CaseState.Approved => DomainError.Conflict("case-already-approved", "This case is approved and waits for the register to apply it; it can no longer change."),
        CaseState.Completed or CaseState.Rejected or CaseState.Withdrawn => DomainError.Conflict("case-closed", $"This case is {ClosedAs()}; it takes no more steps."),
        _ => null,
    };

    private string ClosedAs() => State switch
    {
        CaseState.Completed => "completed",
        CaseState.Rejected => "rejected",
        _ => "withdrawn",
    };
}
