using Koperasi.Funding.Cooperatives;
using Koperasi.ServiceDefaults.Replicas;
using Marten;
using Registry = Koperasi.Contracts.Registry;

namespace Koperasi.Funding.Messaging.Consumers;

/// <summary>A koperasi became aktif or tidak aktif: only an aktif one may receive a grant.</summary>
public sealed class CooperativeActivityChangedConsumer(IDocumentStore store, TimeProvider clock)
    : ReplicaConsumer<CooperativeReplica, Registry.CooperativeActivityChanged>(store, clock)
{
    protected override Guid ReplicaIdOf(Registry.CooperativeActivityChanged message) => message.CooperativeId;

    protected override CooperativeReplica Fold(CooperativeReplica replica, Registry.CooperativeActivityChanged message) => replica.With(message);
}
