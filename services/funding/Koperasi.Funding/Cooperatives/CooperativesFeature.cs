using Koperasi.Contracts.Registry;
using Koperasi.ServiceDefaults.Messaging;
using MassTransit;

namespace Koperasi.Funding.Cooperatives;

/// <summary>The Registry's facts Funding keeps for the koperasi rule.</summary>
public static class CooperativesFeature
{
    /// <summary>
    /// One consumer (and queue) per contract, all partitioned by koperasi on one partitioner: the
    /// Registry publishes a koperasi's events as a burst and every consumer here writes that
    /// koperasi's stream, so they take its messages in turn instead of racing on its version.
    /// </summary>
    public static void AddCooperativeConsumers(this IBusRegistrationConfigurator bus)
    {
        var byCooperative = PartitionedConsumers.CreatePartitioner();
        bus.AddPartitionedConsumer<CooperativeRegisteredConsumer, CooperativeRegistered>(byCooperative, m => m.CooperativeId);
        bus.AddPartitionedConsumer<CooperativeActivityChangedConsumer, CooperativeActivityChanged>(byCooperative, m => m.CooperativeId);
        bus.AddPartitionedConsumer<CooperativeDissolvedConsumer, CooperativeDissolved>(byCooperative, m => m.CooperativeId);
        bus.AddPartitionedConsumer<CooperativeAmendedConsumer, CooperativeAmended>(byCooperative, m => m.CooperativeId);
    }
}
