using Koperasi.Funding.Cooperatives;
using Koperasi.ServiceDefaults.Replicas;
using Marten;
using Registry = Koperasi.Contracts.Registry;

namespace Koperasi.Funding.Messaging.Consumers;

/// <summary>A koperasi ceased to be a legal entity: it may receive no grant.</summary>
public sealed class CooperativeDissolvedConsumer(IDocumentStore store, TimeProvider clock)
    : ReplicaConsumer<CooperativeReplica, Registry.CooperativeDissolved>(store, clock)
{
    protected override Guid ReplicaIdOf(Registry.CooperativeDissolved message) => message.CooperativeId;

    protected override CooperativeReplica Fold(CooperativeReplica replica, Registry.CooperativeDissolved message) => replica.With(message);
}
