namespace Koperasi.Registry.Cooperatives;

/// <summary>
/// A koperasi in the register: the state its stream folds to, and the decisions it makes.
/// Deciding is pure (state, command and today in; events or a broken rule out).
/// </summary>
public sealed partial record Cooperative
{
    public Guid Id { get; init; }

    // The profile's members are properties of their own (not a nested profile) because the stored
    // document is queried and indexed field by field (name, supervisionLevel, address.regencyCode).

    /// <summary>Version of the stream this state was folded from.</summary>
    public long Version { get; set; }

    public required string Name { get; init; }
    public required CooperativeForm Form { get; init; }
    public required CooperativeType Type { get; init; }
    public SavingsLoanScheme? SavingsLoanScheme { get; init; }
    public bool Syariah { get; init; }
    public bool MultiPihak { get; init; }
    public IReadOnlyList<string> MemberClasses { get; init; } = [];
    public required SupervisionLevel SupervisionLevel { get; init; }
    public required Address Address { get; init; }
    public required LegalEntity LegalEntity { get; init; }
    public NotarialDeed? Deed { get; init; }
    public int FoundingMembers { get; init; }
    public int MemberCount { get; init; }
    public required string BusinessField { get; init; }
    public string? Nib { get; init; }
    public NikKoperasi? NikKoperasi { get; init; }
    public IReadOnlyList<BoardMember> Board { get; init; } = [];
    public Contact? Contact { get; init; }
    public IReadOnlyList<RatRecord> Rats { get; init; } = [];
    public IReadOnlyList<ActivityPeriod> ActivityPeriods { get; init; } = [];

    /// <summary>Current activity (the last recorded period); stored so it can be queried.</summary>
    public ActivityStatus Activity { get; init; }

    /// <summary>
    /// Latest financial year with a RAT, or the legal-entity year: stored so the scheduled
    /// evaluation finds the koperasi the passing of time makes tidak aktif.
    /// </summary>
    public int ActivityBaselineYear { get; init; }

    public RatRecord? LastRat => Rats.Count == 0 ? null : Rats.MaxBy(r => r.FinancialYear);

    /// <summary>Set once the koperasi is dissolved; null while it exists as a legal entity.</summary>
    public Dissolution? Dissolution { get; init; }

    /// <summary>The open dissolution case, while it is dissolving or in liquidation; null otherwise.</summary>
    public DissolutionInProgress? DissolutionCase { get; init; }

    /// <summary>The last dissolution case closed without dissolving it (kept so a late report of it is ignored).</summary>
    public DissolutionCaseEnd? EndedDissolutionCase { get; init; }

    public LegalStatus LegalStatus => (Dissolution, DissolutionCase) switch
    {
        ({ }, _) => LegalStatus.Dissolved,
        (null, { DecidedOn: not null }) => LegalStatus.InLiquidation,
        (null, { }) => LegalStatus.Dissolving,
        _ => LegalStatus.Existing,
    };

    /// <summary>For a koperasi founded by amalgamation: the koperasi it came from, and the case.</summary>
    public IReadOnlyList<Guid> PredecessorIds { get; init; } = [];

    public Guid? FoundingCaseId { get; init; }

    /// <summary>The mergers it survived, oldest first.</summary>
    public IReadOnlyList<MergerRecord> Mergers { get; init; } = [];

    /// <summary>The versions of its articles of association, oldest first (the founding articles are 1).</summary>
    public IReadOnlyList<ArticlesVersion> Articles { get; init; } = [];

    /// <summary>The government aid its members' businesses received, in the order it was recorded.</summary>
    public IReadOnlyList<GovernmentAid> GovernmentAid { get; init; } = [];

    /// <summary>The fold: state after one more event. Used by Marten and by the tests alike.</summary>
    public static Cooperative? Fold(Cooperative? state, object @event) => (state, @event) switch
    {
        (null, RegistrationRecorded registered) => Founded(registered),
        (null, _) => null,
        ({ } current, RatRecorded rat) => current.WithRat(rat),
        ({ } current, ActivityChanged changed) => current.WithActivity([.. current.ActivityPeriods.Where(p => p.From < changed.EffectiveOn), new ActivityPeriod(changed.EffectiveOn, changed.To)]),
        ({ } current, ActivityHistoryRevised revised) => current.WithActivity(revised.Periods),
        ({ } current, DetailsChanged changed) => current.WithDetails(changed),
        ({ } current, KecamatanCodeRecorded recorded) => current with { Address = current.Address with { KecamatanCode = recorded.KecamatanCode } },
        ({ } current, DissolutionRecorded dissolved) => current with
        {
            Dissolution = new Dissolution(dissolved.Reason, dissolved.EffectiveOn, dissolved.SuccessorId, dissolved.CaseId, dissolved.WithoutLiquidation),
        },
        ({ } current, DissolutionProposed proposed) => current with
        {
            DissolutionCase = new DissolutionInProgress(proposed.CaseId, proposed.Reason, proposed.ProposedOn, null, null, proposed.CaseVersion),
        },
        ({ } current, LiquidationStarted decided) => current with
        {
            DissolutionCase = new DissolutionInProgress(
                decided.CaseId, decided.Reason, current.DissolutionCase?.CaseId == decided.CaseId ? current.DissolutionCase.ProposedOn : null,
                decided.DecidedOn, decided.DecreeNumber, decided.CaseVersion),
        },
        ({ } current, DissolutionCaseEnded ended) => current with
        {
            DissolutionCase = null,
            EndedDissolutionCase = new DissolutionCaseEnd(ended.CaseId, ended.Outcome, ended.ClosedOn, ended.CaseVersion),
        },
        ({ } current, MergerRecorded merged) => current with
        {
            Mergers = [.. current.Mergers, new MergerRecord(merged.CaseId, merged.EffectiveOn, merged.AbsorbedIds, merged.MembersMoved)],
            MemberCount = merged.MemberCount,
        },
        ({ } current, ArticlesAmended amended) => current.WithArticles(amended),
        ({ } current, GovernmentAidReceived aid) => current with
        {
            GovernmentAid = [.. current.GovernmentAid, new GovernmentAid(aid.Programme, aid.Year, aid.Amount, aid.DisbursedOn, aid.ApplicationId, aid.NamedCooperativeId)],
        },
        ({ } current, _) => current,
    };

    private static Cooperative Founded(RegistrationRecorded e)
    {
        var profile = e.Profile;
        var founded = new Cooperative
        {
            Id = e.CooperativeId,
            Name = profile.Name,
            Form = profile.Form,
            Type = profile.Type,
            SavingsLoanScheme = profile.SavingsLoanScheme,
            Syariah = profile.Syariah,
            MultiPihak = profile.MultiPihak,
            MemberClasses = profile.MemberClasses,
            SupervisionLevel = profile.SupervisionLevel,
            Address = profile.Address,
            BusinessField = profile.BusinessField,
            LegalEntity = e.LegalEntity,
            Deed = e.Deed,
            FoundingMembers = e.FoundingMembers,
            MemberCount = e.MemberCount,
            Nib = e.Nib,
            Board = e.Board,
            Contact = e.Contact,
            ActivityPeriods = [new ActivityPeriod(e.LegalEntity.DecreeDate, ActivityStatus.Aktif)],
            Activity = ActivityStatus.Aktif,
            ActivityBaselineYear = e.LegalEntity.DecreeDate.Year,
            PredecessorIds = e.PredecessorIds ?? [],
            FoundingCaseId = e.CaseId,
        };
        return founded with { Articles = [founded.FoundingArticles()] };
    }

    private Cooperative WithRat(RatRecorded e)
    {
        var rat = new RatRecord(e.FinancialYear, e.HeldOn, e.MembersPresent, e.MembersTotal, e.Mode, e.Late, e.Assets, e.BusinessVolume, e.Surplus);
        return this with
        {
            Rats = [.. Rats, rat],
            MemberCount = e.MemberCount ?? MemberCount,
            ActivityBaselineYear = Math.Max(ActivityBaselineYear, e.FinancialYear),
        };
    }

    private Cooperative WithDetails(DetailsChanged e) => this with
    {
        Address = e.Address ?? Address,
        Board = e.Board ?? Board,
        Contact = e.Contact ?? Contact,
        Nib = e.Nib ?? Nib,
        NikKoperasi = e.NikKoperasi ?? NikKoperasi,
    };

    private Cooperative WithActivity(IReadOnlyList<ActivityPeriod> periods) =>
        this with { ActivityPeriods = periods, Activity = periods[^1].Status };
}
