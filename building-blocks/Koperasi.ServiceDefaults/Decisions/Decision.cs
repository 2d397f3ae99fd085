namespace Koperasi.ServiceDefaults.Decisions;

/// <summary>
/// What an aggregate decided about a command: the events to append, or the rule it would break.
/// Deciding is a pure function of state and command; the handler appends the events.
/// </summary>
public readonly record struct Decision
{
    private Decision(IReadOnlyList<object> events, DomainError? error)
    {
        Events = events;
        Error = error;
    }

    /// <summary>Events to append; empty when the command changes nothing or was rejected.</summary>
    public IReadOnlyList<object> Events { get; }

    /// <summary>The broken rule, if the command was rejected.</summary>
    public DomainError? Error { get; }

    /// <summary>True when the command was rejected.</summary>
    public bool IsRejected => Error is not null;

    /// <summary>Accepts the command with these events (none: nothing to change).</summary>
    public static Decision Accept(params IEnumerable<object> events) => new([.. events], null);

    /// <summary>Rejects the command.</summary>
    public static Decision Reject(DomainError error) => new([], error);

    /// <summary>Rejects the command.</summary>
    public static implicit operator Decision(DomainError error) => Reject(error);
}
