using Koperasi.ServiceDefaults.Replicas;
using Koperasi.Transformation.Cases;
using Koperasi.Transformation.Cooperatives;
using Marten;
using MassTransit;
using Registry = Koperasi.Contracts.Registry;

namespace Koperasi.Transformation.Messaging.Consumers;

/// <summary>A koperasi has new articles: learn them; when a case asked for them, it is complete.</summary>
public sealed class CooperativeAmendedConsumer(IDocumentStore store, TimeProvider clock, ILogger<CooperativeAmendedConsumer> logger)
    : ReplicaConsumer<KnownCooperative, Registry.CooperativeAmended>(store, clock)
{
    protected override Guid ReplicaIdOf(Registry.CooperativeAmended message) => message.CooperativeId;

    protected override KnownCooperative Fold(KnownCooperative replica, Registry.CooperativeAmended message) => replica.With(message);

    protected override async Task AfterFoldAsync(IDocumentSession session, KnownCooperative replica, ConsumeContext<Registry.CooperativeAmended> context)
    {
        var m = context.Message;
        if (m.CaseId is { } caseId)
        {
            await RegistryAnswers.CompleteAsync(session, caseId, new RegistryApplied(CaseKind.ArticlesAmendment, m.CooperativeId, 0, m.OccurredAt), logger, context.CancellationToken);
        }
    }
}
