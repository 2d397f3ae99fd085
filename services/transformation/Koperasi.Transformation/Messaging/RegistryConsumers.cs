using MassTransit;
using Registry = Koperasi.Contracts.Registry;

namespace Koperasi.Transformation.Messaging;

/// <summary>
/// What this service consumes from the Registry: the facts that say who may take part in a case, and
/// the register's answers to approved cases. Each consumer has its own queue
/// (<c>transformation-cooperative-registered</c>, ...), created when the bus starts, so nothing the
/// Registry publishes while this service is down is lost.
/// </summary>
public static class RegistryConsumers
{
    /// <summary>Messages handled at once per queue; those about one koperasi (or case) wait for each other.</summary>
    public const int Partitions = 16;

    public static void AddRegistryConsumers(this IBusRegistrationConfigurator bus)
    {
        AddPartitioned<CooperativeRegisteredConsumer, Registry.CooperativeRegistered>(bus, m => m.CooperativeId);
        AddPartitioned<RatReportedConsumer, Registry.RatReported>(bus, m => m.CooperativeId);
        AddPartitioned<CooperativeAmendedConsumer, Registry.CooperativeAmended>(bus, m => m.CooperativeId);
        AddPartitioned<CooperativeMergedConsumer, Registry.CooperativeMerged>(bus, m => m.CooperativeId);
        AddPartitioned<CooperativeDissolvedConsumer, Registry.CooperativeDissolved>(bus, m => m.CooperativeId);
        AddPartitioned<TransformationNotAppliedConsumer, Registry.TransformationNotApplied>(bus, m => m.CaseId);
    }

    // The Registry publishes a koperasi's events one after another (a registration with its RAT
    // history is a burst), so messages about one koperasi arrive together. Handled side by side they
    // would all but one fail on the document's revision and wait for retries; partitioned by the
    // koperasi they are handled in turn. Consumers in other processes are still kept apart by the revision.
    private static void AddPartitioned<TConsumer, TMessage>(IBusRegistrationConfigurator bus, Func<TMessage, Guid> key)
        where TConsumer : class, IConsumer<TMessage>
        where TMessage : class =>
        bus.AddConsumer<TConsumer>(consumer => consumer.Message<TMessage>(message => message.UsePartitioner(Partitions, context => key(context.Message))));
}
