using Koperasi.ServiceDefaults.Messaging;
using Koperasi.Transformation.Messaging.Consumers;
using MassTransit;
using Registry = Koperasi.Contracts.Registry;

namespace Koperasi.Transformation.Messaging;

/// <summary>
/// Every consumer of this service, one per contract, each in its own file under
/// <c>Messaging/Consumers</c> (docs/adr/0012). What it consumes is the Registry's: the facts that say
/// who may take part in a case (kept as the <see cref="Cooperatives.KnownCooperative"/> replica), and
/// the register's answers to approved cases. Each consumer has its own queue
/// (<c>transformation-cooperative-registered</c>, ...), created when the bus starts, so nothing the
/// Registry publishes while this service is down is lost. All share one partitioner: messages about
/// one koperasi (or case) take their turn across the queues.
/// </summary>
public static class TransformationConsumers
{
    public static void AddTransformationConsumers(this IBusRegistrationConfigurator bus)
    {
        var partitioner = PartitionedConsumers.CreatePartitioner();
        bus.AddPartitionedConsumer<CooperativeRegisteredConsumer, Registry.CooperativeRegistered>(partitioner, m => m.CooperativeId);
        bus.AddPartitionedConsumer<RatReportedConsumer, Registry.RatReported>(partitioner, m => m.CooperativeId);
        bus.AddPartitionedConsumer<CooperativeAmendedConsumer, Registry.CooperativeAmended>(partitioner, m => m.CooperativeId);
        bus.AddPartitionedConsumer<CooperativeMergedConsumer, Registry.CooperativeMerged>(partitioner, m => m.CooperativeId);
        bus.AddPartitionedConsumer<CooperativeDissolvedConsumer, Registry.CooperativeDissolved>(partitioner, m => m.CooperativeId);
        bus.AddPartitionedConsumer<CooperativeActivityChangedConsumer, Registry.CooperativeActivityChanged>(partitioner, m => m.CooperativeId);
        bus.AddPartitionedConsumer<CooperativeActivityCorrectedConsumer, Registry.CooperativeActivityCorrected>(partitioner, m => m.CooperativeId);
        bus.AddPartitionedConsumer<TransformationNotAppliedConsumer, Registry.TransformationNotApplied>(partitioner, m => m.CaseId);
    }
}
