using Koperasi.ServiceDefaults.Decisions;

namespace Koperasi.Registry.Cooperatives;

/// <summary>The events a transformation records on one koperasi's stream.</summary>
public sealed record StreamEvents(Guid CooperativeId, IReadOnlyList<object> Events);

/// <summary>
/// What a transformation decided for every koperasi it touches, to be recorded in one transaction
/// (all or nothing), or the rule it breaks. Neither streams nor an error: the case was applied before.
/// </summary>
public sealed record TransformationDecision(IReadOnlyList<StreamEvents> Streams, DomainError? Error = null)
{
    public static TransformationDecision AlreadyApplied { get; } = new([]);

    public bool WasAppliedBefore => Error is null && Streams.Count == 0;

    public static TransformationDecision Refuse(DomainError error) => new([], error);

    public static implicit operator TransformationDecision(DomainError error) => Refuse(error);

    /// <summary>The events for one koperasi (none if the decision does not touch it).</summary>
    public IReadOnlyList<object> EventsOf(Guid cooperativeId) =>
        Streams.FirstOrDefault(s => s.CooperativeId == cooperativeId)?.Events ?? [];
}
