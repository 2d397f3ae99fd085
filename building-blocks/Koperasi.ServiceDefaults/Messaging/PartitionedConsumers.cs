using MassTransit;
using MassTransit.Middleware;

namespace Koperasi.ServiceDefaults.Messaging;

/// <summary>Consumers whose messages about one thing are handled in turn.</summary>
public static class PartitionedConsumers
{
    /// <summary>Messages handled at once per queue; those with the same key wait for each other.</summary>
    public const int Partitions = 16;

    /// <summary>
    /// Registers <typeparamref name="TConsumer"/> with its messages partitioned by <paramref name="key"/>
    /// (a koperasi, a case). A publisher sends one thing's events as a burst; handled side by side, all
    /// but one would fail on the document's or stream's version and wait for retries. Consumers in
    /// other processes are still kept apart by that version.
    /// </summary>
    public static void AddPartitionedConsumer<TConsumer, TMessage>(this IBusRegistrationConfigurator bus, Func<TMessage, Guid> key)
        where TConsumer : class, IConsumer<TMessage>
        where TMessage : class =>
        bus.AddConsumer<TConsumer>(consumer => consumer.Message<TMessage>(message =>
            message.UsePartitioner(Partitions, context => key(context.Message))));

    /// <summary>
    /// A partitioner several consumers share (<see cref="AddPartitionedConsumer{TConsumer, TMessage}(IBusRegistrationConfigurator, IPartitioner, Func{TMessage, Guid})"/>):
    /// messages about one thing wait for each other across all their queues, not only within one.
    /// </summary>
    public static IPartitioner CreatePartitioner() => new Partitioner(Partitions, new Murmur3UnsafeHashGenerator());

    /// <summary>
    /// Registers <typeparamref name="TConsumer"/> with its messages partitioned by <paramref name="key"/>
    /// on <paramref name="partitioner"/>, which other consumers of the service share: the Registry's
    /// events about one koperasi travel on one queue per contract, and the consumers of those queues
    /// write the same stream.
    /// </summary>
    public static void AddPartitionedConsumer<TConsumer, TMessage>(this IBusRegistrationConfigurator bus, IPartitioner partitioner, Func<TMessage, Guid> key)
        where TConsumer : class, IConsumer<TMessage>
        where TMessage : class =>
        bus.AddConsumer<TConsumer>(consumer => consumer.Message<TMessage>(message =>
            message.UsePartitioner(partitioner, context => key(context.Message))));
}
