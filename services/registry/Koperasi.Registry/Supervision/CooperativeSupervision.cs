using Koperasi.Registry.Cooperatives;

namespace Koperasi.Registry.Supervision;

/// <summary>
/// What the register knows about the supervision of one koperasi: its pembina, supervision
/// records, flagship designations, NIK koperasi renewals and KDMP marking. Folded from the
/// koperasi's own stream, beside <see cref="Cooperative"/>; deciding is pure (the koperasi's
/// state, the command and today in; events or a broken rule out).
/// </summary>
public sealed partial record CooperativeSupervision
{
    public Guid CooperativeId { get; init; }

    /// <summary>The regency (BPS code) the koperasi is domiciled in.</summary>
    public required string RegencyCode { get; init; }

    /// <summary>Set when the koperasi is dissolved.</summary>
    public DateOnly? DissolvedOn { get; init; }

    /// <summary>Every assignment, oldest first; a reassignment ends the previous one of its level.</summary>
    public IReadOnlyList<PembinaAssignment> Assignments { get; init; } = [];

    public IReadOnlyList<SupervisionRecord> Records { get; init; } = [];

    public IReadOnlyList<FlagshipDesignation> Designations { get; init; } = [];

    /// <summary>The NIK koperasi numbers it held, oldest first, with their renewals.</summary>
    public IReadOnlyList<NikKoperasiHolding> NikKoperasi { get; init; } = [];

    public KdmpMarking? Kdmp { get; init; }

    /// <summary>The pembina of a level now (the assignment not yet ended), if any.</summary>
    public PembinaAssignment? PembinaOf(PembinaLevel level) => Assignments.LastOrDefault(a => a.Level == level && a.Until is null);

    /// <summary>Whether the koperasi existed as a legal entity on <paramref name="day"/> (it was not dissolved by then).</summary>
    public bool ExistsOn(DateOnly day) => DissolvedOn is not { } dissolved || day < dissolved;

    /// <summary>The fold: state after one more event of the koperasi's stream. Used by the handlers and the tests alike.</summary>
    public static CooperativeSupervision? Fold(CooperativeSupervision? state, object @event) => (state, @event) switch
    {
        (null, RegistrationRecorded registered) => new CooperativeSupervision { CooperativeId = registered.CooperativeId, RegencyCode = registered.Profile.Address.RegencyCode },
        (null, _) => null,
        ({ } current, ArticlesAmended { Changes.Domicile: { } domicile }) => current with { RegencyCode = domicile.RegencyCode },
        ({ } current, DetailsChanged { NikKoperasi: { } nik }) => current with { NikKoperasi = [.. current.NikKoperasi, new NikKoperasiHolding(nik.Number, nik.IssuedOn, [])] },
        ({ } current, NikKoperasiRenewed renewed) => current.WithRenewal(renewed),
        ({ } current, ActivityChanged { To: ActivityStatus.TidakAktif } changed) => current.Flagging(FlagshipFlagReason.TidakAktif, changed.EffectiveOn),
        ({ } current, ActivityHistoryRevised revised) => current.Reflagging(revised.Periods),
        ({ } current, DissolutionRecorded dissolved) => current.Flagging(FlagshipFlagReason.Dissolved, dissolved.EffectiveOn) with { DissolvedOn = dissolved.EffectiveOn },
        ({ } current, PembinaAssigned assigned) => current with
        {
            Assignments = [.. current.Assignments, new PembinaAssignment(assigned.Level, assigned.PembinaUserId, assigned.RegencyCode, assigned.AssignedOn)],
        },
        ({ } current, PembinaReassigned reassigned) => current with
        {
            Assignments =
            [
                .. current.Assignments.Select(a => a.Level == reassigned.Level && a.Until is null ? a with { Until = reassigned.ReassignedOn } : a),
                new PembinaAssignment(reassigned.Level, reassigned.PembinaUserId, reassigned.RegencyCode, reassigned.ReassignedOn),
            ],
        },
        ({ } current, SupervisionRecorded recorded) => current with
        {
            Records =
            [
                .. current.Records,
                new SupervisionRecord(
                    recorded.RecordId, recorded.Kind, recorded.HeldOn, recorded.PembinaUserId, recorded.Findings, recorded.Recommendations,
                    [.. recorded.FollowUps.Select((f, i) => new FollowUp(i + 1, f.Action, f.DueOn))]),
            ],
        },
        ({ } current, FollowUpCompleted completed) => current with
        {
            Records =
            [
                .. current.Records.Select(r => r.RecordId != completed.RecordId ? r : r with
                {
                    FollowUps = [.. r.FollowUps.Select(f => f.Number == completed.Number ? f with { CompletedOn = completed.CompletedOn, CompletionNote = completed.Note } : f)],
                }),
            ],
        },
        ({ } current, FlagshipDesignated designated) => current with
        {
            Designations =
            [
                .. current.Designations,
                new FlagshipDesignation(designated.DesignationId, designated.RegencyCode, designated.Reason, designated.ValidFrom, designated.ValidUntil, designated.DesignatedOn),
            ],
        },
        ({ } current, FlagshipDesignationEnded ended) => current with
        {
            Designations = [.. current.Designations.Select(d => d.DesignationId == ended.DesignationId ? d with { EndedOn = ended.EndedOn, EndReason = ended.Reason } : d)],
        },
        ({ } current, KdmpMarked marked) => current with
        {
            Kdmp = new KdmpMarking(marked.DesaCode, marked.KecamatanCode, marked.RegencyCode, marked.MarkedOn, new Dictionary<KdmpFormationStep, KdmpStepRecord>()),
        },
        ({ Kdmp: { } kdmp } current, KdmpFormationStepRecorded step) => current with
        {
            Kdmp = kdmp with { Steps = new Dictionary<KdmpFormationStep, KdmpStepRecord>(kdmp.Steps) { [step.Step] = new KdmpStepRecord(step.On, step.Reference) } },
        },
        ({ } current, _) => current,
    };

    private CooperativeSupervision WithRenewal(NikKoperasiRenewed renewed) => NikKoperasi.Count == 0 ? this : this with
    {
        NikKoperasi = [.. NikKoperasi.SkipLast(1), NikKoperasi[^1] with { Renewals = [.. NikKoperasi[^1].Renewals, renewed.RenewedOn] }],
    };

    // A designation is flagged on the first day, within it, that its koperasi is tidak aktif or dissolved.
    private CooperativeSupervision Flagging(FlagshipFlagReason reason, DateOnly on) => this with
    {
        Designations = [.. Designations.Select(d => d.Flag is null && d.CoversOn(on) ? d with { Flag = new FlagshipFlag(reason, on) } : d)],
    };

    // The activity history was corrected: the tidak aktif flags follow the corrected history.
    private CooperativeSupervision Reflagging(IReadOnlyList<ActivityPeriod> periods) => this with
    {
        Designations = [.. Designations.Select(d => d.Flag is { Reason: FlagshipFlagReason.Dissolved } ? d : d with { Flag = FirstInactiveDay(periods, d) is { } day ? new FlagshipFlag(FlagshipFlagReason.TidakAktif, day) : null })],
    };

    private static DateOnly? FirstInactiveDay(IReadOnlyList<ActivityPeriod> periods, FlagshipDesignation designation)
    {
        for (var i = 0; i < periods.Count; i++)
        {
            if (periods[i].Status != ActivityStatus.TidakAktif)
            {
                continue;
            }

            var from = periods[i].From;
            var until = i + 1 < periods.Count ? periods[i + 1].From.AddDays(-1) : DateOnly.MaxValue;
            var day = from > designation.ValidFrom ? from : designation.ValidFrom;
            if (day <= until && designation.CoversOn(day))
            {
                return day;
            }
        }

        return null;
    }
}
