using Koperasi.ServiceDefaults.Time;

namespace Koperasi.Transformation.Dissolutions;

/// <summary>Who must act when a step falls due.</summary>
public enum DeadlineParty
{
    Dinas,
    Koperasi,
    Ministry,
    LiquidationTeam,
}

/// <summary>
/// A dated step of an open case. A <see cref="IsDeadline">deadline</see> is overdue once passed while
/// the step is open; a period end (the koperasi's objection period, the creditors' claims) is only
/// announced while it comes.
/// </summary>
public sealed record DueStep(Guid CaseId, Guid CooperativeId, string CooperativeName, string RegencyCode, string Step, DateOnly DueOn, DeadlineParty Party, bool IsDeadline);

/// <summary>The steps of one regency due within the week from the clock's date, and the overdue ones.</summary>
public sealed record RegencyDeadlines(string RegencyCode, IReadOnlyList<DueStep> DueThisWeek, IReadOnlyList<DueStep> Overdue);

/// <summary>
/// Each open case's dated steps, computed from the steps it recorded and the options alone, and the
/// watch over a set of cases: due this week, overdue as of a date. Pure: the clock comes in.
/// </summary>
public static class DissolutionDeadlines
{
    public static IReadOnlyList<DueStep> For(DissolutionCase c, DissolutionOptions options)
    {
        if (c.IsClosed)
        {
            return [];
        }

        var steps = new List<DueStep>();
        void Add(string step, DateOnly? dueOn, DeadlineParty party, bool isDeadline = true)
        {
            if (dueOn is { } due)
            {
                steps.Add(new DueStep(c.Id, c.CooperativeId, c.Cooperative.Name, c.RegencyCode, step, due, party, isDeadline));
            }
        }

        if (c.IsRevived && !c.IsDecided)
        {
            Add("review-revived-cooperative", c.RevivedOn, DeadlineParty.Dinas);
        }

        switch (c.Stage)
        {
            case DissolutionStage.MeetingCalled:
                Add("record-members-meeting", c.Invitation!.MeetingOn, DeadlineParty.Dinas);
                break;
            case DissolutionStage.Announced when !c.IsRevived:
                Add("propose-to-ministry", c.AnnouncementEndsOn(options), DeadlineParty.Dinas);
                break;
            case DissolutionStage.NoticeIssued:
                if (c.Objection is null)
                {
                    Add("objection-period-ends", c.ObjectionEndsOn(options), DeadlineParty.Koperasi, isDeadline: false);
                }

                Add("ministry-decision", c.DecisionDueOn(options), DeadlineParty.Ministry);
                break;
            case DissolutionStage.Objected:
                Add("decide-objection", c.ObjectionDecisionDueOn(options), DeadlineParty.Ministry);
                Add("ministry-decision", c.DecisionDueOn(options), DeadlineParty.Ministry);
                break;
            case DissolutionStage.Liquidating:
                Add("claims-period-ends", c.ClaimsEndOn(options), DeadlineParty.LiquidationTeam, isDeadline: false);
                Add("settle-liquidation", c.ClaimsEndOn(options), DeadlineParty.LiquidationTeam);
                break;
        }

        return steps;
    }

    /// <summary>The watch as of the clock's date in the province.</summary>
    public static IReadOnlyList<RegencyDeadlines> Watch(IEnumerable<DissolutionCase> cases, TimeProvider clock, DissolutionOptions options, string? regencyCode = null) =>
        Watch(cases, clock.Today(), options, regencyCode);

    /// <summary>
    /// Per regency (only <paramref name="regencyCode"/> if given): the steps due from
    /// <paramref name="asOf"/> to the end of the week (<see cref="DissolutionOptions.DueSoonDays"/>
    /// days, today included), and the deadlines passed before <paramref name="asOf"/>. A regency with
    /// neither is left out.
    /// </summary>
    public static IReadOnlyList<RegencyDeadlines> Watch(IEnumerable<DissolutionCase> cases, DateOnly asOf, DissolutionOptions options, string? regencyCode = null)
    {
        var weekEnd = asOf.AddDays(options.DueSoonDays - 1);
        return [.. cases
            .Where(c => regencyCode is null || c.RegencyCode == regencyCode)
            .SelectMany(c => For(c, options))
            .GroupBy(s => s.RegencyCode)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new RegencyDeadlines(
                g.Key,
                [.. g.Where(s => s.DueOn >= asOf && s.DueOn <= weekEnd).OrderBy(s => s.DueOn)],
                [.. g.Where(s => s.IsDeadline && s.DueOn < asOf).OrderBy(s => s.DueOn)]))
            .Where(r => r.DueThisWeek.Count > 0 || r.Overdue.Count > 0)];
    }
}
