using Koperasi.ServiceDefaults.Replicas;
using Registry = Koperasi.Contracts.Registry;
using static Koperasi.ServiceDefaults.Replicas.Versioned;

namespace Koperasi.Funding.Cooperatives;

/// <summary>What the koperasi is doing and since when, as the Registry said.</summary>
/// <param name="Status">"aktif" or "tidak-aktif".</param>
/// <param name="Since">The day it took effect (a registration: the decree's day).</param>
public sealed record CooperativeActivity(string Status, DateOnly Since);

/// <summary>
/// Funding's replica of a koperasi of the Registry (docs/adr/0012), folded from the Registry's
/// contract events and never read from the Registry's database: enough to tell whether a grant
/// naming it may be decreed. Each fact keeps the Registry stream version that stated it, so a
/// message that arrives late (another queue, a replay) never overwrites a newer fact.
/// </summary>
public sealed record CooperativeReplica : IReplica<CooperativeReplica>
{
    public const string Aktif = "aktif";

    public Guid Id { get; init; }

    /// <summary>Revision of this document (optimistic concurrency between consumers).</summary>
    public long Revision { get; set; }

    /// <summary>The newest Registry stream version folded in so far.</summary>
    public long StreamVersion { get; init; }

    /// <summary>The registration arrived: the koperasi legally exists (unless dissolved).</summary>
    public bool Registered { get; init; }

    public Versioned<string>? Name { get; init; }
    public Versioned<string>? RegencyCode { get; init; }
    public Versioned<CooperativeActivity>? Activity { get; init; }

    /// <summary>The day it ceased to be a legal entity (that happens once, so it sticks).</summary>
    public DateOnly? DissolvedOn { get; init; }

    /// <summary>Nothing known yet but the id (a later fact arrived before the registration).</summary>
    public static CooperativeReplica Unknown(Guid id) => new() { Id = id };

    /// <summary>A registration makes a koperasi aktif from its decree, unless a later change of activity is known.</summary>
    public CooperativeReplica With(Registry.CooperativeRegistered m) => Seen(m.StreamVersion) with
    {
        Registered = true,
        Name = Newer(Name, m.Name, m.StreamVersion),
        RegencyCode = Newer(RegencyCode, m.Address.RegencyCode, m.StreamVersion),
        Activity = Newer(Activity, new CooperativeActivity(Aktif, m.DecreeDate), m.StreamVersion),
    };

    public CooperativeReplica With(Registry.CooperativeActivityChanged m) => Seen(m.StreamVersion) with
    {
        Activity = Newer(Activity, new CooperativeActivity(m.To, m.EffectiveOn), m.StreamVersion),
    };

    /// <summary>
    /// The Registry corrected the koperasi's activity history (a late RAT, a policy change): the
    /// activity now is the last period's, from its first day.
    /// </summary>
    public CooperativeReplica With(Registry.CooperativeActivityCorrected m) => m.Periods.Count == 0
        ? Seen(m.StreamVersion)
        : Seen(m.StreamVersion) with
        {
            Activity = Newer(Activity, new CooperativeActivity(m.Periods[^1].Activity, m.Periods[^1].From), m.StreamVersion),
        };

    /// <summary>New articles: a new name or domicile where they changed; the rest of the articles do not matter here.</summary>
    public CooperativeReplica With(Registry.CooperativeAmended m) => Seen(m.StreamVersion) with
    {
        Name = NewerIfStated(Name, m.Name, m.StreamVersion),
        RegencyCode = NewerIfStated(RegencyCode, m.Address?.RegencyCode, m.StreamVersion),
    };

    public CooperativeReplica With(Registry.CooperativeDissolved m) => Seen(m.StreamVersion) with
    {
        DissolvedOn = DissolvedOn ?? m.EffectiveOn,
    };

    /// <summary>Why a grant naming it may not be decreed, or null when it may.</summary>
    public static string? WhyNot(Guid cooperativeId, CooperativeReplica? cooperative) => cooperative switch
    {
        null or { Registered: false } => $"Koperasi {cooperativeId} is not known to be registered in the Registry.",
        { DissolvedOn: { } day } => $"Koperasi {cooperative.Name?.Value} was dissolved on {day:yyyy-MM-dd}.",
        { Activity.Value: { Status: not Aktif } activity } => $"Koperasi {cooperative.Name?.Value} is {activity.Status} since {activity.Since:yyyy-MM-dd}.",
        _ => null,
    };

    private CooperativeReplica Seen(long version) => this with { StreamVersion = Math.Max(StreamVersion, version) };
}
