using Koperasi.ServiceDefaults.Replicas;
using Koperasi.Transformation.Cases;
using Koperasi.Transformation.Cooperatives;
using Marten;
using MassTransit;
using Registry = Koperasi.Contracts.Registry;

namespace Koperasi.Transformation.Messaging.Consumers;

/// <summary>A koperasi entered the register: learn it; one founded by an amalgamation completes that case.</summary>
public sealed class CooperativeRegisteredConsumer(IDocumentStore store, TimeProvider clock, ILogger<CooperativeRegisteredConsumer> logger)
    : ReplicaConsumer<KnownCooperative, Registry.CooperativeRegistered>(store, clock)
{
    protected override Guid ReplicaIdOf(Registry.CooperativeRegistered message) => message.CooperativeId;

    protected override KnownCooperative Fold(KnownCooperative replica, Registry.CooperativeRegistered message) => replica.With(message);

    protected override async Task AfterFoldAsync(IDocumentSession session, KnownCooperative replica, ConsumeContext<Registry.CooperativeRegistered> context)
    {
        var m = context.Message;
        if (m.CaseId is { } caseId)
        {
            await RegistryAnswers.CompleteAsync(session, caseId, new RegistryApplied(CaseKind.Amalgamation, m.CooperativeId, m.MemberCount, m.OccurredAt), logger, context.CancellationToken);
        }
    }
}
