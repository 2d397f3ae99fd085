using Koperasi.ServiceDefaults.Replicas;
using Koperasi.Transformation.Cooperatives;
using Marten;
using Registry = Koperasi.Contracts.Registry;

namespace Koperasi.Transformation.Messaging.Consumers;

/// <summary>A RAT was reported: its members' total may be the koperasi's member count now.</summary>
public sealed class RatReportedConsumer(IDocumentStore store, TimeProvider clock)
    : ReplicaConsumer<KnownCooperative, Registry.RatReported>(store, clock)
{
    protected override Guid ReplicaIdOf(Registry.RatReported message) => message.CooperativeId;

    protected override KnownCooperative Fold(KnownCooperative replica, Registry.RatReported message) => replica.With(message);
}
