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
            return DomainError.Conflict("meetings-already-decided", "Rapat anggota setiap peserta sudah menyetujui; langkah berikutnya adalah akta notaris.");
        }

        if (ParticipantOf(votes.CooperativeId) is not { } participant)
        {
            return DomainError.Unprocessable("not-a-participant", $"Koperasi {votes.CooperativeId} bukan peserta kasus ini.", "cooperativeId");
        }

        if (Meetings.Any(m => m.CooperativeId == votes.CooperativeId))
        {
            return DomainError.Conflict("meeting-already-recorded", $"Keputusan rapat anggota {participant.Name} sudah tercatat.", "cooperativeId");
        }

        if (votes.HeldOn < ProposedOn)
        {
            return DomainError.Unprocessable("meeting-before-proposal", $"Rapat anggota untuk kasus ini diadakan setelah usulnya ({ProposedOn:yyyy-MM-dd}).", "heldOn");
        }

        if (votes.HeldOn > today)
        {
            return DomainError.Unprocessable("meeting-in-future", "Keputusan rapat anggota dicatat setelah rapat diadakan; tanggalnya setelah hari ini.", "heldOn");
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
                $"Rapat anggota {participant.Name} dihadiri {votes.MembersPresent} dari {votes.MembersTotal} anggota; kuorum {policy.Quorum} tidak tercapai."));
        }

        return majorityReached
            ? Decision.Accept(recorded)
            : Decision.Accept(recorded, Rejected(
                "majority-not-reached",
                $"Rapat anggota {participant.Name}: {votes.VotesFor} setuju dari {validVotes} suara sah; keputusan memerlukan {policy.Majority} suara sah."));
    }

    private CaseRejected Rejected(string rule, string reason) => new(Id, Kind, CooperativeIds, rule, reason);

    /// <summary>A case that is approved or closed takes no more steps.</summary>
    private DomainError? RefuseWhenDecided() => State switch
    {
        CaseState.Approved => DomainError.Conflict("case-already-approved", "Kasus ini sudah disetujui dan menunggu penerapan di register; tidak dapat diubah lagi."),
        CaseState.Completed or CaseState.Rejected or CaseState.Withdrawn => DomainError.Conflict("case-closed", $"Kasus ini sudah {ClosedAs()}; tidak ada langkah lagi."),
        _ => null,
    };

    private string ClosedAs() => State switch
    {
        CaseState.Completed => "selesai",
        CaseState.Rejected => "ditolak",
        _ => "ditarik",
    };
}
