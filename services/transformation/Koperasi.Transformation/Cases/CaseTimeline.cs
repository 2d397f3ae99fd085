using JasperFx.Events;
using Koperasi.ServiceDefaults.Persistence;

namespace Koperasi.Transformation.Cases;

/// <summary>The events of a case as an officer reads them: what happened, who recorded it and when.</summary>
public static class CaseTimeline
{
    public static IReadOnlyList<TimelineEntry> Of(IReadOnlyList<IEvent> events, TransformationCase state) =>
    [
        .. events.Select(e => new TimelineEntry(
            e.Version,
            e.EventTypeName,
            e.Timestamp,
            e.UserName,
            EventHeaders.ActorRoleOf(e),
            Describe(e.Data, state),
            e.Data)),
    ];

    /// <summary>One sentence in English; a screen in Bahasa Indonesia words it from the entry's type and data.</summary>
    public static string Describe(object data, TransformationCase state) => data switch
    {
        MergerProposed p => $"Merger proposed: {Names(p.Absorbed)} to be absorbed into {p.Survivor.Name}.",
        AmalgamationProposed p => $"Amalgamation proposed of {Names(p.Participants)} into the new koperasi {p.NewCooperative.Name}.",
        ArticlesAmendmentProposed p => $"Change of the articles of {p.Cooperative.Name} proposed" + (p.RatificationRequired ? " (needs the ministry's ratification)." : " (no ratification by the ministry needed)."),
        MembersMeetingRecorded m => $"Members' meeting of {NameOf(m.CooperativeId, state)} on {m.HeldOn:yyyy-MM-dd}: {m.MembersPresent} of {m.MembersTotal} present, {m.VotesFor} for, {m.VotesAgainst} against; "
            + (!m.QuorumMet ? $"quorum of {m.Quorum} not met." : !m.MajorityReached ? $"votes for below {m.Majority}." : "approved."),
        NotarialDeedRecorded d => $"Notarial deed number {d.Number} of {d.Date:yyyy-MM-dd} by {d.Notary}.",
        RatificationRecorded r => $"Ratified by the ministry: decree {r.DecreeNumber} of {r.DecreeDate:yyyy-MM-dd}.",
        MergerCaseApproved a => Approved(a.EffectiveOn),
        AmalgamationCaseApproved a => Approved(a.EffectiveOn),
        ArticlesAmendmentCaseApproved a => Approved(a.EffectiveOn),
        CaseCompleted c => $"Completed: the register applied it; {c.MembersMoved} members moved.",
        CaseRejected r => $"Rejected ({r.Rule}): {r.Reason}",
        CaseWithdrawn w => $"Withdrawn: {w.Reason}",
        _ => "",
    };

    private static string Approved(DateOnly effectiveOn) => $"Approved, effective {effectiveOn:yyyy-MM-dd}; passed to the register to apply.";

    private static string Names(IEnumerable<Participant> participants) => string.Join(", ", participants.Select(p => p.Name));

    private static string NameOf(Guid cooperativeId, TransformationCase state) =>
        state.Participants.FirstOrDefault(p => p.CooperativeId == cooperativeId)?.Name ?? cooperativeId.ToString();
}
