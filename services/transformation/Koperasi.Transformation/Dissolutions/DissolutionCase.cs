namespace Koperasi.Transformation.Dissolutions;

/// <summary>
/// A dissolution (pembubaran) case: one stream per case, one koperasi per case. Deciding is pure
/// (state, command, today and options in; events or a broken rule out); handlers load and save.
/// Each step is dated, so <see cref="DissolutionDeadlines"/> computes what is due from the state alone.
/// </summary>
public sealed partial record DissolutionCase
{
    public Guid Id { get; init; }

    /// <summary>Version of the stream this state was folded from.</summary>
    public long Version { get; set; }

    public required DissolutionPath Path { get; init; }
    public required DissolutionStage Stage { get; init; }
    public required DateOnly ProposedOn { get; init; }
    public required DissolvingCooperative Cooperative { get; init; }

    public DissolutionProposer? Proposer { get; init; }
    public int? ProposerCount { get; init; }
    public IReadOnlyList<DissolutionGround> Grounds { get; init; } = [];

    public MeetingInvitation? Invitation { get; init; }
    public DissolutionMeeting? Meeting { get; init; }

    public VillageLetter? VillageLetter { get; init; }
    public DateOnly? VerifiedOn { get; init; }
    public DateOnly? AnnouncedOn { get; init; }

    /// <summary>The batch that last took the proposal to the ministry, and when it was sent.</summary>
    public Guid? BatchId { get; init; }

    public DateOnly? SentToMinistryOn { get; init; }
    public MinistryNotice? Notice { get; init; }
    public Objection? Objection { get; init; }

    /// <summary>What the ministry last asked for before it would decide; cleared when the case goes in a batch again.</summary>
    public IReadOnlyList<string> DocumentsNeeded { get; init; } = [];

    public DissolutionDecision? Decided { get; init; }
    public DateOnly? LiquidationTeamNamedOn { get; init; }
    public IReadOnlyList<string> LiquidationTeam { get; init; } = [];
    public IReadOnlyList<Creditor> Creditors { get; init; } = [];
    public DateOnly? SettledOn { get; init; }
    public DateOnly? DissolvedOn { get; init; }

    /// <summary>The koperasi became aktif again (held a RAT) while the case was open.</summary>
    public DateOnly? RevivedOn { get; init; }

    public bool IsRevived => RevivedOn is not null;

    /// <summary>The deadlines the scheduled evaluation found passed, each recorded once (step and due day).</summary>
    public IReadOnlyList<MissedDeadline> MissedDeadlines { get; init; } = [];

    public string? Rule { get; init; }
    public string? Reason { get; init; }
    public DateOnly? WithdrawnOn { get; init; }

    public Guid CooperativeId => Cooperative.CooperativeId;

    public string RegencyCode => Cooperative.RegencyCode;

    public bool IsClosed => Stage is DissolutionStage.Dissolved or DissolutionStage.Rejected or DissolutionStage.Withdrawn;

    /// <summary>Decided and beyond: the dissolution stands, only its liquidation goes on.</summary>
    public bool IsDecided => Stage is DissolutionStage.Decided or DissolutionStage.Liquidating or DissolutionStage.Settled or DissolutionStage.Dissolved;

    /// <summary>The creditors the dissolution does not bind yet: recorded, not notified.</summary>
    public IReadOnlyList<Creditor> CreditorsNotNotified => [.. Creditors.Where(c => c.NotifiedOn is null)];

    /// <summary>The fold: state after one more event. Used by Marten and by the tests alike.</summary>
    public static DissolutionCase? Fold(DissolutionCase? state, object @event) => (state, @event) switch
    {
        (null, DissolutionProposedByMembers p) => new DissolutionCase
        {
            Id = p.CaseId,
            Path = DissolutionPath.MembersMeeting,
            Stage = DissolutionStage.Proposed,
            ProposedOn = p.ProposedOn,
            Cooperative = p.Cooperative,
            Proposer = p.Proposer,
            ProposerCount = p.ProposerCount,
        },
        (null, DissolutionProposedByGovernment p) => new DissolutionCase
        {
            Id = p.CaseId,
            Path = DissolutionPath.Government,
            Stage = DissolutionStage.Proposed,
            ProposedOn = p.ProposedOn,
            Cooperative = p.Cooperative,
            Grounds = p.Grounds,
        },
        (null, _) => null,
        ({ } c, DissolutionMeetingCalled m) => c with { Stage = DissolutionStage.MeetingCalled, Invitation = new MeetingInvitation(m.SentOn, m.MeetingOn) },
        ({ } c, DissolutionMeetingRecorded m) => c with
        {
            Meeting = new DissolutionMeeting(m.HeldOn, m.MembersPresent, m.MembersTotal, m.VotesFor, m.VotesAgainst, m.QuorumMet, m.MajorityReached),
        },
        ({ } c, DissolutionFieldVerified v) => c with
        {
            // After a re-verification asked by the ministry, an announcement already run still counts.
            Stage = c.AnnouncedOn is null ? DissolutionStage.Verified : DissolutionStage.Announced,
            VerifiedOn = v.VerifiedOn,
            VillageLetter = v.Letter,
        },
        ({ } c, DissolutionAnnounced a) => c with { Stage = DissolutionStage.Announced, AnnouncedOn = a.AnnouncedOn },
        ({ } c, DissolutionSentToMinistry s) => c with
        {
            Stage = DissolutionStage.ProposedToMinistry,
            BatchId = s.BatchId,
            SentToMinistryOn = s.SentOn,
            DocumentsNeeded = [],
            Notice = null,
            Objection = null,
        },
        ({ } c, MinistryNoticeRecorded n) => c with { Stage = DissolutionStage.NoticeIssued, Notice = n.Notice },
        ({ } c, DissolutionObjectionFiled o) => c with { Stage = DissolutionStage.Objected, Objection = new Objection(o.FiledOn, o.Summary) },
        ({ } c, DissolutionObjectionDecided d) => c with
        {
            Stage = d.Upheld ? c.Stage : DissolutionStage.NoticeIssued,
            Objection = c.Objection! with { DecidedOn = d.DecidedOn, Upheld = d.Upheld },
        },
        ({ } c, MinistryRequestedDocuments d) => c with { Stage = DissolutionStage.Announced, DocumentsNeeded = d.Documents },
        ({ } c, MinistryRequestedReverification) => c with { Stage = DissolutionStage.Proposed },
        ({ } c, DissolutionDecided d) => c with { Stage = DissolutionStage.Decided, Decided = new DissolutionDecision(d.DecidedOn, d.DecreeNumber) },
        ({ } c, LiquidationTeamNamed t) => c with { Stage = DissolutionStage.Liquidating, LiquidationTeamNamedOn = t.NamedOn, LiquidationTeam = t.Members },
        ({ } c, CreditorRecorded r) => c with { Creditors = [.. c.Creditors, new Creditor(r.CreditorId, r.Name, r.RecordedOn)] },
        ({ } c, CreditorNotified n) => c with
        {
            Creditors = [.. c.Creditors.Select(k => k.CreditorId == n.CreditorId ? k with { NotifiedOn = n.NotifiedOn } : k)],
        },
        ({ } c, LiquidationSettled s) => c with { Stage = DissolutionStage.Settled, SettledOn = s.SettledOn },
        ({ } c, LegalEntityExtinguished e) => c with { Stage = DissolutionStage.Dissolved, DissolvedOn = e.EffectiveOn },
        ({ } c, DissolvingCooperativeRevived r) => c with { RevivedOn = r.RevivedOn },
        ({ } c, DissolutionRejected r) => c with { Stage = DissolutionStage.Rejected, Rule = r.Rule, Reason = r.Reason },
        ({ } c, DissolutionWithdrawn w) => c with { Stage = DissolutionStage.Withdrawn, Reason = w.Reason, WithdrawnOn = w.WithdrawnOn },
        ({ } c, DissolutionDeadlineMissed m) => c with { MissedDeadlines = [.. c.MissedDeadlines, new MissedDeadline(m.Step, m.DueOn, m.RecordedOn)] },
        ({ } c, _) => c,
    };
}
