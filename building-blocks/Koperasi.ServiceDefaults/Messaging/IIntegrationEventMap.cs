using JasperFx.Events;

namespace Koperasi.ServiceDefaults.Messaging;

/// <summary>
/// A service's one explicit map from its private domain events to its public contracts.
/// </summary>
public interface IIntegrationEventMap
{
    /// <summary>The domain event types that have a public contract; the relay reads only these.</summary>
    IReadOnlyCollection<Type> PublishedEventTypes { get; }

    /// <summary>
    /// The contract for a committed domain event, or null when the event stays private. A contract
    /// that says more than its event takes the rest from <paramref name="streams"/>: the state of the
    /// event's stream as of that event, so a domain event carries no field only for publishing.
    /// </summary>
    ValueTask<object?> MapAsync(IEvent committed, IStreamStates streams, CancellationToken cancellationToken);
}

/// <summary>The state of a committed event's stream, as of that event (later events not applied).</summary>
public interface IStreamStates
{
    /// <summary>The aggregate <typeparamref name="T"/> folded from the event's stream up to and including the event.</summary>
    Task<T> AsOfAsync<T>(IEvent committed, CancellationToken cancellationToken) where T : class;
}
