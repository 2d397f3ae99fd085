using Koperasi.Registry.Cooperatives;
using Koperasi.Registry.Supervision;
using Koperasi.ServiceDefaults.Regions;

namespace Koperasi.Registry.Statistics;

/// <summary>
/// The dimensions a koperasi is counted under. <see cref="KecamatanCode"/> is null where the koperasi
/// has only a free-text kecamatan (then <see cref="KecamatanName"/> is that text).
/// </summary>
public sealed record StatisticsCell(
    string RegencyCode,
    ActivityStatus Activity,
    CooperativeType Type,
    CooperativeForm Form,
    SupervisionLevel SupervisionLevel,
    string? KecamatanCode = null,
    string? KecamatanName = null,
    LegalStatus LegalStatus = LegalStatus.Existing,
    bool NikKoperasi = false,
    bool Kdmp = false);

/// <summary>How a koperasi is classified from a day on (regency, kecamatan, type, form, supervision).</summary>
public sealed record ClassificationPeriod(
    DateOnly From, string RegencyCode, CooperativeType Type, CooperativeForm Form, SupervisionLevel SupervisionLevel, string? KecamatanCode = null, string? Kecamatan = null);

/// <summary>A member count the register holds from a day on (registration, a RAT, a merger).</summary>
public sealed record MemberCountPeriod(DateOnly From, int Count);

/// <summary>A legal status from a day on.</summary>
public sealed record LegalStatusPeriod(DateOnly From, LegalStatus Status);

/// <summary>
/// A change of a count on a day: the statistics on any date are the sum of changes up to it.
/// <see cref="Members"/> is the change of the member total of the cell.
/// </summary>
public sealed record StatisticsDelta(DateOnly Day, StatisticsCell Cell, int Change, long Members = 0);

/// <summary>
/// When a koperasi counted under which cell, with how many members, on the business dates the events
/// carry (the decree date, the day activity changed, the day a RAT was held, the effective date of an
/// amendment or a dissolution), not on the day they were recorded: a register imported today still
/// shows how things stood in 2022. Each event yields the difference between the timeline before and
/// after it, as dated deltas. A dissolved koperasi keeps counting, under the legal status
/// <see cref="LegalStatus.Dissolved"/>, from the day its dissolution took effect.
/// </summary>
public sealed record StatisticsTimeline(Guid Id, IReadOnlyList<ClassificationPeriod> Classification, IReadOnlyList<ActivityPeriod> Activity)
{
    public IReadOnlyList<MemberCountPeriod> Members { get; init; } = [];

    public IReadOnlyList<LegalStatusPeriod> LegalStatuses { get; init; } = [];

    /// <summary>The NIK koperasi numbers held, oldest first, with their renewals (validity as <see cref="NikKoperasiHolding.IsCurrentOn"/>).</summary>
    public IReadOnlyList<NikKoperasiHolding> NikKoperasi { get; init; } = [];

    /// <summary>The day the koperasi became the KDMP of a desa, if it did.</summary>
    public DateOnly? KdmpFrom { get; init; }

    public static StatisticsTimeline Empty(Guid id) => new(id, [], []);

    /// <summary>
    /// The timeline after one more event of the koperasi's stream. <paramref name="recordedOn"/> (the
    /// Jambi date the event was recorded) dates the facts that carry no date of their own (a changed
    /// address, a dissolution proposal without date).
    /// </summary>
    public StatisticsTimeline Apply(object @event, DateOnly? recordedOn = null) => @event switch
    {
        RegistrationRecorded r => this with
        {
            Classification = [new ClassificationPeriod(r.LegalEntity.DecreeDate, r.Profile.Address.RegencyCode, r.Profile.Type, r.Profile.Form, r.Profile.SupervisionLevel, r.Profile.Address.KecamatanCode, r.Profile.Address.Kecamatan)],
            Activity = [new ActivityPeriod(r.LegalEntity.DecreeDate, ActivityStatus.Aktif)],
            Members = [new MemberCountPeriod(r.LegalEntity.DecreeDate, r.MemberCount)],
            LegalStatuses = [new LegalStatusPeriod(r.LegalEntity.DecreeDate, LegalStatus.Existing)],
        },
        ActivityChanged c => this with { Activity = [.. Activity.Where(p => p.From < c.EffectiveOn), new ActivityPeriod(c.EffectiveOn, c.To)] },
        ActivityHistoryRevised r => this with { Activity = r.Periods },
        ArticlesAmended a when Classification.Count > 0 => this with { Classification = [.. Classification.Where(c => c.From < a.EffectiveOn), Reclassified(a)] },
        DetailsChanged d => WithDetails(d, recordedOn),
        KecamatanCodeRecorded k => this with { Classification = [.. Classification.Select(c => c.KecamatanCode is null ? c with { KecamatanCode = k.KecamatanCode } : c)] },
        NikKoperasiRenewed n when NikKoperasi.Count > 0 => this with { NikKoperasi = [.. NikKoperasi.SkipLast(1), NikKoperasi[^1] with { Renewals = [.. NikKoperasi[^1].Renewals, n.RenewedOn] }] },
        KdmpMarked k => this with { KdmpFrom = k.MarkedOn },
        RatRecorded { MemberCount: { } count } rat => WithMembers(rat.HeldOn, count),
        MergerRecorded m => WithMembers(m.EffectiveOn, m.MemberCount),
        DissolutionProposed p when (p.ProposedOn ?? recordedOn) is { } on => WithLegalStatus(on, LegalStatus.Dissolving),
        LiquidationStarted l => WithLegalStatus(l.DecidedOn, LegalStatus.InLiquidation),
        DissolutionCaseEnded e => WithLegalStatus(e.ClosedOn, LegalStatus.Existing),
        DissolutionRecorded d => WithLegalStatus(d.EffectiveOn, LegalStatus.Dissolved),
        _ => this,
    };

    /// <summary>A changed address moves the kecamatan from the day it was recorded; a NIK koperasi recorded is held from its issue date.</summary>
    private StatisticsTimeline WithDetails(DetailsChanged d, DateOnly? recordedOn)
    {
        var timeline = this;
        if (d.Address is { } address && Classification.Count > 0 && recordedOn is { } on)
        {
            timeline = timeline with
            {
                Classification = [.. Classification.Where(c => c.From < on), ClassifiedOn(on) with { From = on, KecamatanCode = address.KecamatanCode, Kecamatan = address.Kecamatan }],
            };
        }

        return d.NikKoperasi is { } nik ? timeline with { NikKoperasi = [.. NikKoperasi, new NikKoperasiHolding(nik.Number, nik.IssuedOn, [])] } : timeline;
    }

    private StatisticsTimeline WithMembers(DateOnly from, int count) =>
        this with { Members = [.. Members.Where(m => m.From < from), new MemberCountPeriod(from, count), .. Members.Where(m => m.From > from)] };

    private StatisticsTimeline WithLegalStatus(DateOnly from, LegalStatus status) =>
        this with { LegalStatuses = [.. LegalStatuses.Where(s => s.From < from), new LegalStatusPeriod(from, status)] };

    private ClassificationPeriod ClassifiedOn(DateOnly day) => Classification.LastOrDefault(c => c.From <= day) ?? Classification[0];

    /// <summary>An amendment of regency, type or form moves the koperasi to another cell from its effective date.</summary>
    private ClassificationPeriod Reclassified(ArticlesAmended a)
    {
        var before = ClassifiedOn(a.EffectiveOn);
        var domicile = a.Changes.Domicile;
        return new ClassificationPeriod(
            a.EffectiveOn,
            domicile?.RegencyCode ?? before.RegencyCode,
            a.Changes.Type ?? before.Type,
            a.Changes.Form ?? before.Form,
            before.SupervisionLevel,
            domicile is null ? before.KecamatanCode : domicile.KecamatanCode,
            domicile is null ? before.Kecamatan : domicile.Kecamatan);
    }

    private DateOnly? DissolvedOn => LegalStatuses.LastOrDefault(s => s.Status == LegalStatus.Dissolved)?.From;

    /// <summary>Whether the koperasi held a valid NIK koperasi on the day (as the supervision statistics count it).</summary>
    private bool NikValidOn(DateOnly day) =>
        (DissolvedOn is not { } dissolved || day < dissolved) && NikKoperasi.LastOrDefault(n => n.IssuedOn <= day) is { } held && held.IsCurrentOn(day);

    private bool KdmpOn(DateOnly day) => KdmpFrom is { } from && from <= day && (DissolvedOn is not { } dissolved || day < dissolved);

    /// <summary>The cell and member count from each day on; consecutive equal ones merged.</summary>
    public IReadOnlyList<(DateOnly From, StatisticsCell Cell, int Members)> Segments()
    {
        var segments = new List<(DateOnly From, StatisticsCell Cell, int Members)>();
        if (Classification.Count == 0 || Activity.Count == 0)
        {
            return segments;
        }

        var nikDays = NikKoperasi.SelectMany(n => n.Renewals.Append(n.IssuedOn)).SelectMany(d => new[] { d, d.AddYears(1) });
        var days = Classification.Select(c => c.From)
            .Concat(Activity.Select(a => a.From))
            .Concat(Members.Select(m => m.From))
            .Concat(LegalStatuses.Select(s => s.From))
            .Concat(nikDays)
            .Concat(KdmpFrom is { } kdmp ? [kdmp] : [])
            .Distinct()
            .Order();
        foreach (var day in days)
        {
            var classification = Classification.LastOrDefault(c => c.From <= day);
            var activity = Activity.LastOrDefault(a => a.From <= day);
            if (classification is null || activity is null)
            {
                continue;
            }

            var kecamatanCode = classification.KecamatanCode;
            var cell = new StatisticsCell(
                classification.RegencyCode,
                activity.Status,
                classification.Type,
                classification.Form,
                classification.SupervisionLevel,
                kecamatanCode,
                Places.FindKecamatan(kecamatanCode)?.Name ?? classification.Kecamatan,
                LegalStatuses.LastOrDefault(s => s.From <= day)?.Status ?? LegalStatus.Existing,
                NikValidOn(day),
                KdmpOn(day));
            var members = Members.LastOrDefault(m => m.From <= day)?.Count ?? 0;
            if (segments.Count == 0 || segments[^1].Cell != cell || segments[^1].Members != members)
            {
                segments.Add((day, cell, members));
            }
        }

        return segments;
    }

    /// <summary>The deltas that turn the counts of <paramref name="before"/> into those of <paramref name="after"/>.</summary>
    public static IEnumerable<StatisticsDelta> Diff(StatisticsTimeline before, StatisticsTimeline after) => Diff(before.Deltas(), after.Deltas());

    /// <summary>The deltas that turn counts made of <paramref name="before"/> into counts made of <paramref name="after"/> (each a timeline's <see cref="Deltas"/>).</summary>
    public static IEnumerable<StatisticsDelta> Diff(IReadOnlyList<StatisticsDelta> before, IReadOnlyList<StatisticsDelta> after)
    {
        var sums = new Dictionary<(DateOnly, StatisticsCell), (int Change, long Members)>();
        foreach (var (day, cell, change, members) in after.Concat(before.Select(d => d with { Change = -d.Change, Members = -d.Members })))
        {
            var sum = sums.GetValueOrDefault((day, cell));
            sums[(day, cell)] = (sum.Change + change, sum.Members + members);
        }

        return sums.Where(s => s.Value != default).Select(s => new StatisticsDelta(s.Key.Item1, s.Key.Item2, s.Value.Change, s.Value.Members));
    }

    /// <summary>The timeline's counts as dated deltas: +1 into each segment's cell from its first day, -1 out of it when the next begins.</summary>
    public IReadOnlyList<StatisticsDelta> Deltas()
    {
        var segments = Segments();
        var deltas = new List<StatisticsDelta>(segments.Count * 2);
        for (var i = 0; i < segments.Count; i++)
        {
            deltas.Add(new StatisticsDelta(segments[i].From, segments[i].Cell, +1, segments[i].Members));
            if (i + 1 < segments.Count)
            {
                deltas.Add(new StatisticsDelta(segments[i + 1].From, segments[i].Cell, -1, -segments[i].Members));
            }
        }

        return deltas;
    }
}
