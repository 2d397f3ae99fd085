using Koperasi.ServiceDefaults.Messaging;
using Marten;
using MassTransit;

namespace Koperasi.ServiceDefaults.Replicas;

/// <summary>
/// Folds one contract into a replica, once per message (the idempotent base): a service writes one
/// small subclass per contract it keeps, naming the replica a message is about and the pure fold.
/// Register it partitioned by that id (<see cref="PartitionedConsumers"/>) on the service's one
/// partitioner, so one aggregate's messages take their turn across queues instead of racing on the
/// document's revision.
/// </summary>
/// <typeparam name="TReplica">The replica.</typeparam>
/// <typeparam name="TMessage">The consumed contract.</typeparam>
public abstract class ReplicaConsumer<TReplica, TMessage>(IDocumentStore store, TimeProvider clock) : IdempotentConsumer<TMessage>(store, clock)
    where TReplica : class, IReplica<TReplica>
    where TMessage : class
{
    /// <summary>The publisher's aggregate the message is about.</summary>
    protected abstract Guid ReplicaIdOf(TMessage message);

    /// <summary>The pure fold: the replica after the message (unchanged when the message is old news).</summary>
    protected abstract TReplica Fold(TReplica replica, TMessage message);

    /// <summary>What else the message causes in this service, staged in the same transaction (by default nothing).</summary>
    protected virtual Task AfterFoldAsync(IDocumentSession session, TReplica replica, ConsumeContext<TMessage> context) => Task.CompletedTask;

    /// <inheritdoc />
    protected sealed override async Task HandleAsync(IDocumentSession session, ConsumeContext<TMessage> context)
    {
        var replica = await Replicas.ApplyAsync<TReplica>(session, ReplicaIdOf(context.Message), r => Fold(r, context.Message), context.CancellationToken);
        await AfterFoldAsync(session, replica, context);
    }
}
