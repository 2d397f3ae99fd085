using Koperasi.Funding.Messaging.Consumers;
using Koperasi.ServiceDefaults.Messaging;
using MassTransit;
using Registry = Koperasi.Contracts.Registry;

namespace Koperasi.Funding.Messaging;

/// <summary>
/// Every consumer of this service, one per contract, each in its own file under
/// <c>Messaging/Consumers</c> (docs/adr/0012). What it consumes is the Registry's facts the koperasi
/// rule needs, kept as the <see cref="Cooperatives.CooperativeReplica"/>. Each consumer has its own
/// queue (<c>funding-cooperative-registered</c>, ...), created when the bus starts. All share one
/// partitioner: the Registry publishes a koperasi's events as a burst and every consumer here writes
/// that koperasi's replica, so they take its messages in turn instead of racing on its revision.
/// </summary>
public static class FundingConsumers
{
    public static void AddFundingConsumers(this IBusRegistrationConfigurator bus)
    {
        var partitioner = PartitionedConsumers.CreatePartitioner();
        bus.AddPartitionedConsumer<CooperativeRegisteredConsumer, Registry.CooperativeRegistered>(partitioner, m => m.CooperativeId);
        bus.AddPartitionedConsumer<CooperativeActivityChangedConsumer, Registry.CooperativeActivityChanged>(partitioner, m => m.CooperativeId);
        bus.AddPartitionedConsumer<CooperativeActivityCorrectedConsumer, Registry.CooperativeActivityCorrected>(partitioner, m => m.CooperativeId);
        bus.AddPartitionedConsumer<CooperativeDissolvedConsumer, Registry.CooperativeDissolved>(partitioner, m => m.CooperativeId);
        bus.AddPartitionedConsumer<CooperativeAmendedConsumer, Registry.CooperativeAmended>(partitioner, m => m.CooperativeId);
    }
}
