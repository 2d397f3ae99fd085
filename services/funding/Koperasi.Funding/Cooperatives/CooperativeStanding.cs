namespace Koperasi.Funding.Cooperatives;

/// <summary>
/// What Funding knows of a koperasi from the Registry's integration events: enough to tell whether
/// a grant naming it may be decreed. Each aspect remembers the Registry stream version it was
/// learned at, so a message that arrives late (another queue, a replay) never overwrites a newer fact.
/// </summary>
public sealed record CooperativeStanding
{
    public const string Aktif = "aktif";

    public Guid Id { get; init; }

    /// <summary>Version of Funding's own stream of facts about the koperasi.</summary>
    public long Version { get; set; }

    public bool Registered { get; init; }
    public string? Name { get; init; }
    public string? RegencyCode { get; init; }
    public long ProfileVersion { get; init; }
    public string? Activity { get; init; }
    public DateOnly? ActivitySince { get; init; }
    public long ActivityVersion { get; init; }
    public DateOnly? DissolvedOn { get; init; }
    public long DissolutionVersion { get; init; }

    /// <summary>Why a grant naming it may not be decreed, or null when it may.</summary>
    public static string? WhyNot(Guid cooperativeId, CooperativeStanding? standing) => standing switch
    {
        null or { Registered: false } => $"Koperasi {cooperativeId} is not known to be registered in the Registry.",
        { DissolvedOn: { } day } => $"Koperasi {standing.Name} was dissolved on {day:yyyy-MM-dd}.",
        { Activity: not Aktif } => $"Koperasi {standing.Name} is {standing.Activity} since {standing.ActivitySince:yyyy-MM-dd}.",
        _ => null,
    };
}
