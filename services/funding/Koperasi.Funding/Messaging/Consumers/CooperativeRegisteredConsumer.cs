using Koperasi.Funding.Cooperatives;
using Koperasi.ServiceDefaults.Replicas;
using Marten;
using Registry = Koperasi.Contracts.Registry;

namespace Koperasi.Funding.Messaging.Consumers;

/// <summary>A koperasi entered the register: it may receive grants from its decree on.</summary>
public sealed class CooperativeRegisteredConsumer(IDocumentStore store, TimeProvider clock)
    : ReplicaConsumer<CooperativeReplica, Registry.CooperativeRegistered>(store, clock)
{
    protected override Guid ReplicaIdOf(Registry.CooperativeRegistered message) => message.CooperativeId;

    protected override CooperativeReplica Fold(CooperativeReplica replica, Registry.CooperativeRegistered message) => replica.With(message);
}
