using MassTransit;

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
}
