using Koperasi.ServiceDefaults.Replicas;
using Registry = Koperasi.Contracts.Registry;
using static Koperasi.ServiceDefaults.Replicas.Versioned;

namespace Koperasi.Transformation.Cooperatives;

/// <summary>
/// What this service knows of a koperasi from the Registry's integration events (a replica, see
/// <see cref="IReplica{TSelf}"/>): never read from the Registry's database. The contracts travel on different queues, so they arrive in any order;
/// each fact keeps the stream version that stated it, and a message sets a fact only if it is newer
/// than what is held. A registration and a dissolution happen once, so those two just stick.
/// </summary>
public sealed record KnownCooperative : IReplica<KnownCooperative>
{
    public Guid Id { get; init; }

    /// <summary>Revision of this document (optimistic concurrency between consumers).</summary>
    public long Revision { get; set; }

    /// <summary>The newest register stream version applied so far.</summary>
    public long StreamVersion { get; init; }

    /// <summary>The registration arrived: the koperasi legally exists (unless dissolved).</summary>
    public bool IsRegistered { get; init; }

    public Versioned<string>? Name { get; init; }
    public Versioned<string>? RegencyCode { get; init; }
    public Versioned<string>? Form { get; init; }
    public Versioned<string>? Type { get; init; }
    public Versioned<int>? MemberCount { get; init; }

    /// <summary>The latest financial year whose RAT was reported.</summary>
    public int? LatestRatYear { get; init; }

    /// <summary>The year it became a legal entity (its decree): where the years without a RAT count from when it never held one.</summary>
    public int? DecreeYear { get; init; }

    /// <summary>The day it ceased to be a legal entity, once the register says so.</summary>
    public DateOnly? DissolvedOn { get; init; }

    public string? DissolutionReason { get; init; }

    public bool IsDissolved => DissolvedOn is not null;

    /// <summary>Nothing known yet but the id (a later fact arrived before the registration).</summary>
    public static KnownCooperative Unknown(Guid id) => new() { Id = id };

    public KnownCooperative With(Registry.CooperativeRegistered m) => Seen(m.StreamVersion) with
    {
        IsRegistered = true,
        Name = Newer(Name, m.Name, m.StreamVersion),
        RegencyCode = Newer(RegencyCode, m.Address.RegencyCode, m.StreamVersion),
        Form = Newer(Form, m.Form, m.StreamVersion),
        Type = Newer(Type, m.Type, m.StreamVersion),
        MemberCount = Newer(MemberCount, m.MemberCount, m.StreamVersion),
        DecreeYear = m.DecreeDate.Year,
    };

    /// <summary>A RAT sets the member count only when the register says it did (<c>MemberCount</c>), never by its members' total alone.</summary>
    public KnownCooperative With(Registry.RatReported m) => Seen(m.StreamVersion) with
    {
        LatestRatYear = Math.Max(LatestRatYear ?? m.FinancialYear, m.FinancialYear),
        MemberCount = m.MemberCount is { } count ? Newer(MemberCount, count, m.StreamVersion) : MemberCount,
    };

    public KnownCooperative With(Registry.CooperativeAmended m) => Seen(m.StreamVersion) with
    {
        Name = m.Name is { } name ? Newer(Name, name, m.StreamVersion) : Name,
        RegencyCode = m.Address is { } address ? Newer(RegencyCode, address.RegencyCode, m.StreamVersion) : RegencyCode,
        Form = m.Form is { } form ? Newer(Form, form, m.StreamVersion) : Form,
        Type = m.Type is { } type ? Newer(Type, type, m.StreamVersion) : Type,
    };

    public KnownCooperative With(Registry.CooperativeMerged m) => Seen(m.StreamVersion) with
    {
        MemberCount = Newer(MemberCount, m.MemberCount, m.StreamVersion),
    };

    public KnownCooperative With(Registry.CooperativeDissolved m) => Seen(m.StreamVersion) with
    {
        DissolvedOn = DissolvedOn ?? m.EffectiveOn,
        DissolutionReason = DissolutionReason ?? m.Reason,
    };

    private KnownCooperative Seen(long version) => this with { StreamVersion = Math.Max(StreamVersion, version) };
}
