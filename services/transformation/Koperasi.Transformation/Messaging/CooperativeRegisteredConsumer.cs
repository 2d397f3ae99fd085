using Koperasi.ServiceDefaults.Messaging;
using Koperasi.Transformation.Cases;
using Koperasi.Transformation.Cooperatives;
using Marten;
using MassTransit;
using Registry = Koperasi.Contracts.Registry;

namespace Koperasi.Transformation.Messaging;

/// <summary>A koperasi entered the register: learn it; one founded by an amalgamation completes that case.</summary>
public sealed class CooperativeRegisteredConsumer(IDocumentStore store, TimeProvider clock, ILogger<CooperativeRegisteredConsumer> logger)
    : IdempotentConsumer<Registry.CooperativeRegistered>(store, clock)
{
    protected override async Task HandleAsync(IDocumentSession session, ConsumeContext<Registry.CooperativeRegistered> context)
    {
        var m = context.Message;
        await KnownCooperatives.ApplyAsync(session, m.CooperativeId, c => c.With(m), context.CancellationToken);
        if (m.CaseId is { } caseId)
        {
            await RegistryAnswers.CompleteAsync(session, caseId, new RegistryApplied(CaseKind.Amalgamation, m.CooperativeId, m.MemberCount, m.OccurredAt), logger, context.CancellationToken);
        }
    }
}
