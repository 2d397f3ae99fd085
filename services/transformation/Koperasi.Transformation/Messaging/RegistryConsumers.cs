using MassTransit;

namespace Koperasi.Transformation.Messaging;

/// <summary>
/// What this service consumes from the Registry: the facts that say who may take part in a case, and
/// the register's answers to approved cases. Each consumer has its own queue
/// (<c>transformation-cooperative-registered</c>, ...), created when the bus starts, so nothing the
/// Registry publishes while this service is down is lost.
/// </summary>
public static class RegistryConsumers
{
    public static void AddRegistryConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<CooperativeRegisteredConsumer>();
        bus.AddConsumer<RatReportedConsumer>();
        bus.AddConsumer<CooperativeAmendedConsumer>();
        bus.AddConsumer<CooperativeMergedConsumer>();
        bus.AddConsumer<CooperativeDissolvedConsumer>();
        bus.AddConsumer<TransformationNotAppliedConsumer>();
    }
}
