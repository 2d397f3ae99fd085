namespace Koperasi.Transformation.Dissolutions;

/// <summary>A deadline of the case that passed with its step not taken, and the day that was noticed.</summary>
public sealed record MissedDeadline(string Step, DateOnly DueOn, DateOnly RecordedOn);

// Deadlines watched as time passes: the scheduled evaluation records each missed one on the case.
public sealed partial record DissolutionCase
{
    /// <summary>
    /// The deadlines passed before <paramref name="today"/> (see <see cref="DissolutionDeadlines"/>) not
    /// recorded yet: one event per step and due day, so the history shows each once. A closed case
    /// has none; a step whose due day moved (a new notice) is a new deadline.
    /// </summary>
    public IReadOnlyList<DissolutionDeadlineMissed> RecordMissedDeadlines(DateOnly today, DissolutionOptions options) =>
        IsClosed
            ? []
            : [.. DissolutionDeadlines.For(this, options)
                .Where(s => s.IsDeadline && s.DueOn < today)
                .Where(s => !MissedDeadlines.Any(m => m.Step == s.Step && m.DueOn == s.DueOn))
                .Select(s => new DissolutionDeadlineMissed(Id, CooperativeId, s.Step, s.DueOn, s.Party, today))];
}
