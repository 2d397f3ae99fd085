using Koperasi.ServiceDefaults.Replicas;
using Koperasi.Transformation.Cases;
using Koperasi.Transformation.Cooperatives;
using Marten;
using MassTransit;
using Registry = Koperasi.Contracts.Registry;

namespace Koperasi.Transformation.Messaging.Consumers;

/// <summary>A koperasi absorbed others: its member count changes, and the merger case is complete.</summary>
public sealed class CooperativeMergedConsumer(IDocumentStore store, TimeProvider clock, ILogger<CooperativeMergedConsumer> logger)
    : ReplicaConsumer<KnownCooperative, Registry.CooperativeMerged>(store, clock)
{
    protected override Guid ReplicaIdOf(Registry.CooperativeMerged message) => message.CooperativeId;

    protected override KnownCooperative Fold(KnownCooperative replica, Registry.CooperativeMerged message) => replica.With(message);

    protected override Task AfterFoldAsync(IDocumentSession session, KnownCooperative replica, ConsumeContext<Registry.CooperativeMerged> context)
    {
        var m = context.Message;
        return RegistryAnswers.CompleteAsync(session, m.CaseId, new RegistryApplied(CaseKind.Merger, m.CooperativeId, m.MembersMoved, m.OccurredAt), logger, context.CancellationToken);
    }
}
