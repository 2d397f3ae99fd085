using Koperasi.ServiceDefaults.Decisions;
using Koperasi.Transformation.Cases;

namespace Koperasi.Transformation.Dissolutions;

// The members' path: the invitation, then the meeting that decides by the shared quorum and majority.
public sealed partial record DissolutionCase
{
    public Decision CallMeeting(MeetingInvitation invitation, DateOnly today, DissolutionOptions options)
    {
        if (Expect(DissolutionPath.MembersMeeting, DissolutionStage.Proposed) is { } wrong)
        {
            return wrong;
        }

        if (invitation.SentOn < ProposedOn || invitation.SentOn > today)
        {
            return DomainError.Unprocessable(
                "invitation-date-out-of-range", $"The invitation goes out between the proposal ({ProposedOn:yyyy-MM-dd}) and today.", "sentOn");
        }

        return invitation.SentOn.AddDays(options.InvitationLeadDays) > invitation.MeetingOn
            ? DomainError.Unprocessable(
                "invitation-too-late",
                $"The invitation of {invitation.SentOn:yyyy-MM-dd} is less than {options.InvitationLeadDays} days before the meeting of {invitation.MeetingOn:yyyy-MM-dd}.",
                "meetingOn")
            : Decision.Accept(new DissolutionMeetingCalled(Id, CooperativeId, invitation.SentOn, invitation.MeetingOn));
    }

    /// <summary>
    /// Records the meeting, held on or after the day of the invitation. The members' total is at least
    /// the register's member count (<paramref name="registeredMembers"/>, or the count when the case opened).
    /// A meeting short of the quorum or the majority is recorded and rejects the case, naming the rule.
    /// </summary>
    public Decision RecordMeeting(MeetingVotes votes, DateOnly today, MeetingPolicy policy, int? registeredMembers = null)
    {
        if (Expect(DissolutionPath.MembersMeeting, DissolutionStage.MeetingCalled) is { } wrong)
        {
            return wrong;
        }

        if (votes.CooperativeId != CooperativeId)
        {
            return DomainError.Unprocessable("not-the-dissolving-cooperative", $"This case dissolves {Cooperative.Name}, not koperasi {votes.CooperativeId}.", "cooperativeId");
        }

        if (votes.HeldOn < Invitation!.MeetingOn)
        {
            return DomainError.Unprocessable(
                "meeting-before-invited-date", $"The meeting was called for {Invitation.MeetingOn:yyyy-MM-dd}; it cannot be held before.", "heldOn");
        }

        if (votes.HeldOn > today)
        {
            return DomainError.Unprocessable("meeting-in-future", "A meeting is recorded after it was held; its date is after today.", "heldOn");
        }

        var floor = registeredMembers ?? Cooperative.MemberCount;
        if (votes.MembersTotal < floor)
        {
            return DomainError.Unprocessable(
                "members-total-below-register",
                $"The meeting counts {votes.MembersTotal} members in total; the register counts {floor}. The quorum is judged against at least the register's members.",
                "membersTotal");
        }

        var valid = votes.VotesFor + votes.VotesAgainst;
        var quorumMet = policy.Quorum.IsReachedBy(votes.MembersPresent, votes.MembersTotal);
        var majorityReached = policy.Majority.IsReachedBy(votes.VotesFor, valid);
        var recorded = new DissolutionMeetingRecorded(
            Id, CooperativeId, votes.HeldOn, votes.MembersPresent, votes.MembersTotal, votes.VotesFor, votes.VotesAgainst,
            policy.Quorum, policy.Majority, quorumMet, majorityReached);
        if (!quorumMet)
        {
            return Decision.Accept(recorded, Rejected(
                "quorum-not-met", $"{votes.MembersPresent} of {votes.MembersTotal} members attended; the quorum of {policy.Quorum} was not met."));
        }

        return majorityReached
            ? Decision.Accept(recorded, new DissolutionDecided(Id, CooperativeId, DissolutionPath.MembersMeeting, votes.HeldOn, null))
            : Decision.Accept(recorded, Rejected(
                "majority-not-reached", $"{votes.VotesFor} of {valid} valid votes were for the dissolution; it needs {policy.Majority} of the valid votes."));
    }

    private DissolutionRejected Rejected(string rule, string reason) => new(Id, CooperativeId, rule, reason);

    /// <summary>The step belongs to <paramref name="path"/> and is taken at one of <paramref name="stages"/>.</summary>
    private DomainError? Expect(DissolutionPath path, params DissolutionStage[] stages)
    {
        if (IsClosed)
        {
            return DomainError.Conflict("case-closed", $"The case is {Stage.ToString().ToLowerInvariant()}; it takes no more steps.");
        }

        if (Path != path)
        {
            return DomainError.Unprocessable("step-not-on-this-path", $"This step belongs to a dissolution by {Describe(path)}; this case is by {Describe(Path)}.");
        }

        return stages.Contains(Stage)
            ? null
            : DomainError.Conflict("step-out-of-order", $"The case is at {Stage}; this step is taken at {string.Join(" or ", stages)}.");
    }

    private static string Describe(DissolutionPath path) => path == DissolutionPath.MembersMeeting ? "the members' meeting" : "the government";
}
