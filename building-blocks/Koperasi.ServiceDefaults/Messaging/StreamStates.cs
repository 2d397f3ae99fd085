using JasperFx.Events;
using Marten;

namespace Koperasi.ServiceDefaults.Messaging;

/// <summary>
/// Folds a stream up to one event with Marten's live aggregation. Each read has its own query
/// session: the relay publishes several streams side by side, and a session is not shared
/// between concurrent queries.
/// </summary>
public sealed class StreamStates(IDocumentStore store) : IStreamStates
{
    /// <inheritdoc />
    public async Task<T> AsOfAsync<T>(IEvent committed, CancellationToken cancellationToken) where T : class
    {
        ArgumentNullException.ThrowIfNull(committed);
        await using var session = store.QuerySession();
        return await session.Events.AggregateStreamAsync<T>(committed.StreamId, committed.Version, token: cancellationToken)
            ?? throw new InvalidOperationException($"Stream {committed.StreamId} folds to no {typeof(T).Name} at version {committed.Version}.");
    }
}
