namespace Koperasi.Transformation.Cases;

/// <summary>
/// A transformation case (merger, amalgamation or change of the articles of association): the state its
/// stream folds to, and the decisions it makes. Deciding is pure (state, command, today and policy in;
/// events or a broken rule out); handlers load and save.
/// </summary>
public sealed partial record TransformationCase
{
    public Guid Id { get; init; }

    /// <summary>Version of the stream this state was folded from.</summary>
    public long Version { get; set; }

    public required CaseKind Kind { get; init; }
    public required CaseState State { get; init; }
    public required DateOnly ProposedOn { get; init; }

    /// <summary>The year of the proposal; stored so lists can filter on it.</summary>
    public int ProposedYear { get; init; }

    /// <summary>For a merger the survivor first, then the absorbed; otherwise in the order proposed.</summary>
    public required IReadOnlyList<Participant> Participants { get; init; }

    /// <summary>Every regency the case touches: its participants' and a new or changed domicile's.</summary>
    public IReadOnlyList<string> RegencyCodes { get; init; } = [];

    public NewCooperative? NewCooperative { get; init; }
    public ArticlesChanges? Changes { get; init; }
    public bool RatificationRequired { get; init; }
    public IReadOnlyList<MeetingDecision> Meetings { get; init; } = [];
    public NotarialDeed? Deed { get; init; }
    public Ratification? Ratification { get; init; }

    /// <summary>The day the approved transformation takes effect: the ratification's date, or the deed's.</summary>
    public DateOnly? EffectiveOn { get; init; }

    public Completion? Completion { get; init; }
    public Rejection? Rejection { get; init; }
    public string? WithdrawalReason { get; init; }

    public bool IsClosed => State is CaseState.Completed or CaseState.Rejected or CaseState.Withdrawn;

    public IReadOnlyList<Guid> CooperativeIds => [.. Participants.Select(p => p.CooperativeId)];

    /// <summary>The fold: state after one more event. Used by Marten and by the tests alike.</summary>
    public static TransformationCase? Fold(TransformationCase? state, object @event) => (state, @event) switch
    {
        (null, MergerProposed p) => Opened(p.CaseId, CaseKind.Merger, p.ProposedOn, [p.Survivor, .. p.Absorbed], null),
        (null, AmalgamationProposed p) => Opened(p.CaseId, CaseKind.Amalgamation, p.ProposedOn, p.Participants, p.NewCooperative.Domicile.RegencyCode) with
        {
            NewCooperative = p.NewCooperative,
        },
        (null, ArticlesAmendmentProposed p) => Opened(p.CaseId, CaseKind.ArticlesAmendment, p.ProposedOn, [p.Cooperative], p.Changes.Domicile?.RegencyCode) with
        {
            Changes = p.Changes,
            RatificationRequired = p.RatificationRequired,
        },
        (null, _) => null,
        ({ } current, MembersMeetingRecorded m) => current.WithMeeting(m),
        ({ } current, NotarialDeedRecorded d) => current with
        {
            Deed = new NotarialDeed(d.Number, d.Date, d.Notary),
            State = current.RatificationRequired ? CaseState.AwaitingRatification : current.State,
        },
        ({ } current, RatificationRecorded r) => current with { Ratification = new Ratification(r.DecreeNumber, r.DecreeDate) },
        ({ } current, MergerCaseApproved a) => current with { State = CaseState.Approved, EffectiveOn = a.EffectiveOn },
        ({ } current, AmalgamationCaseApproved a) => current with { State = CaseState.Approved, EffectiveOn = a.EffectiveOn },
        ({ } current, ArticlesAmendmentCaseApproved a) => current with { State = CaseState.Approved, EffectiveOn = a.EffectiveOn },
        ({ } current, CaseCompleted c) => current with
        {
            State = CaseState.Completed,
            Completion = new Completion(c.ResultingCooperativeId, c.EndedCooperativeIds, c.MembersMoved, c.AppliedAt),
        },
        ({ } current, CaseRejected r) => current with { State = CaseState.Rejected, Rejection = new Rejection(r.Rule, r.Reason) },
        ({ } current, CaseWithdrawn w) => current with { State = CaseState.Withdrawn, WithdrawalReason = w.Reason },
        ({ } current, _) => current,
    };

    private static TransformationCase Opened(Guid id, CaseKind kind, DateOnly proposedOn, IReadOnlyList<Participant> participants, string? otherRegency) => new()
    {
        Id = id,
        Kind = kind,
        State = CaseState.Proposed,
        ProposedOn = proposedOn,
        ProposedYear = proposedOn.Year,
        Participants = participants,
        // A merger or an amalgamation always needs the ministry's ratification; a change of articles says so itself.
        RatificationRequired = kind != CaseKind.ArticlesAmendment,
        RegencyCodes = [.. participants.Select(p => p.RegencyCode).Append(otherRegency).OfType<string>().Distinct().Order(StringComparer.Ordinal)],
    };

    private TransformationCase WithMeeting(MembersMeetingRecorded m)
    {
        var approved = m.QuorumMet && m.MajorityReached;
        var meetings = Meetings.Append(new MeetingDecision(
            m.CooperativeId, m.HeldOn, m.MembersPresent, m.MembersTotal, m.VotesFor, m.VotesAgainst, m.Quorum, m.Majority, approved)).ToList();
        var allApproved = Participants.All(p => meetings.Any(d => d.CooperativeId == p.CooperativeId && d.Approved));
        return this with { Meetings = meetings, State = allApproved ? CaseState.AwaitingDeed : State };
    }

    private Participant? ParticipantOf(Guid cooperativeId) => Participants.FirstOrDefault(p => p.CooperativeId == cooperativeId);
}
