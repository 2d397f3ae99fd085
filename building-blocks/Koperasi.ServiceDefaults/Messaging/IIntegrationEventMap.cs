using JasperFx.Events;

namespace Koperasi.ServiceDefaults.Messaging;

/// <summary>
/// A service's one explicit map from its private domain events to its public contracts.
/// </summary>
public interface IIntegrationEventMap
{
    /// <summary>The domain event types that have a public contract; the relay reads only these.</summary>
    IReadOnlyCollection<Type> PublishedEventTypes { get; }

    /// <summary>The contract for a committed domain event, or null when the event stays private.</summary>
    object? Map(IEvent committed);
}
