using MassTransit;

namespace Koperasi.Contracts;

/// <summary>
/// Common shape of every integration event: what it is about, where it stands in its source
/// stream, and when it was recorded. Consumers use <see cref="StreamVersion"/> to order events
/// of one source that arrive on different queues, and to notice a gap.
/// </summary>
[ExcludeFromTopology]
public interface IIntegrationEvent
{
    /// <summary>Version of the source stream after the event (1 for the first event of a stream).</summary>
    long StreamVersion { get; }

    /// <summary>When the source service recorded the event.</summary>
    DateTimeOffset OccurredAt { get; }
}
