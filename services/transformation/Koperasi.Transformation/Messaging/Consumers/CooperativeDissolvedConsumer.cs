using Koperasi.ServiceDefaults.Replicas;
using Koperasi.Transformation.Cooperatives;
using Marten;
using Registry = Koperasi.Contracts.Registry;

namespace Koperasi.Transformation.Messaging.Consumers;

/// <summary>A koperasi ceased to be a legal entity: it can no longer take part in a case.</summary>
public sealed class CooperativeDissolvedConsumer(IDocumentStore store, TimeProvider clock)
    : ReplicaConsumer<KnownCooperative, Registry.CooperativeDissolved>(store, clock)
{
    protected override Guid ReplicaIdOf(Registry.CooperativeDissolved message) => message.CooperativeId;

    protected override KnownCooperative Fold(KnownCooperative replica, Registry.CooperativeDissolved message) => replica.With(message);
}
