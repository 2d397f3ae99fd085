using Koperasi.Funding.Cooperatives;
using Koperasi.ServiceDefaults.Replicas;
using Marten;
using Registry = Koperasi.Contracts.Registry;

namespace Koperasi.Funding.Messaging.Consumers;

/// <summary>The Registry corrected a koperasi's activity history: the replica takes the activity that holds now.</summary>
public sealed class CooperativeActivityCorrectedConsumer(IDocumentStore store, TimeProvider clock)
    : ReplicaConsumer<CooperativeReplica, Registry.CooperativeActivityCorrected>(store, clock)
{
    protected override Guid ReplicaIdOf(Registry.CooperativeActivityCorrected message) => message.CooperativeId;

    protected override CooperativeReplica Fold(CooperativeReplica replica, Registry.CooperativeActivityCorrected message) => replica.With(message);
}
