using Koperasi.Funding.Cooperatives;
using Koperasi.ServiceDefaults.Replicas;
using Marten;
using Registry = Koperasi.Contracts.Registry;

namespace Koperasi.Funding.Messaging.Consumers;

/// <summary>A koperasi has new articles: its name or domicile may have changed.</summary>
public sealed class CooperativeAmendedConsumer(IDocumentStore store, TimeProvider clock)
    : ReplicaConsumer<CooperativeReplica, Registry.CooperativeAmended>(store, clock)
{
    protected override Guid ReplicaIdOf(Registry.CooperativeAmended message) => message.CooperativeId;

    protected override CooperativeReplica Fold(CooperativeReplica replica, Registry.CooperativeAmended message) => replica.With(message);
}
