using Koperasi.ServiceDefaults.Messaging;
using Koperasi.Transformation.Cases;
using Koperasi.Transformation.Cooperatives;
using Marten;
using MassTransit;
using Registry = Koperasi.Contracts.Registry;

namespace Koperasi.Transformation.Messaging;

/// <summary>A koperasi has new articles: learn them; when a case asked for them, it is complete.</summary>
public sealed class CooperativeAmendedConsumer(IDocumentStore store, TimeProvider clock, ILogger<CooperativeAmendedConsumer> logger)
    : IdempotentConsumer<Registry.CooperativeAmended>(store, clock)
{
    protected override async Task HandleAsync(IDocumentSession session, ConsumeContext<Registry.CooperativeAmended> context)
    {
        var m = context.Message;
        await KnownCooperatives.ApplyAsync(session, m.CooperativeId, c => c.With(m), context.CancellationToken);
        if (m.CaseId is { } caseId)
        {
            await RegistryAnswers.CompleteAsync(session, caseId, new RegistryApplied(CaseKind.ArticlesAmendment, m.CooperativeId, 0, m.OccurredAt), logger, context.CancellationToken);
        }
    }
}
