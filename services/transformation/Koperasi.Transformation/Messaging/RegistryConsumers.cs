using Koperasi.ServiceDefaults.Messaging;
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
    public static void AddRegistryConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddPartitionedConsumer<CooperativeRegisteredConsumer, Registry.CooperativeRegistered>(m => m.CooperativeId);
        bus.AddPartitionedConsumer<RatReportedConsumer, Registry.RatReported>(m => m.CooperativeId);
        bus.AddPartitionedConsumer<CooperativeAmendedConsumer, Registry.CooperativeAmended>(m => m.CooperativeId);
        bus.AddPartitionedConsumer<CooperativeMergedConsumer, Registry.CooperativeMerged>(m => m.CooperativeId);
        bus.AddPartitionedConsumer<CooperativeDissolvedConsumer, Registry.CooperativeDissolved>(m => m.CooperativeId);
        bus.AddPartitionedConsumer<TransformationNotAppliedConsumer, Registry.TransformationNotApplied>(m => m.CaseId);
    }
}
