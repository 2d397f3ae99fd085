using Koperasi.ServiceDefaults.Messaging;
using Koperasi.Transformation.Cases;
using Koperasi.Transformation.Cooperatives;
using Marten;
using MassTransit;
using Registry = Koperasi.Contracts.Registry;

namespace Koperasi.Transformation.Messaging;

/// <summary>A koperasi absorbed others: its member count changes, and the merger case is complete.</summary>
public sealed class CooperativeMergedConsumer(IDocumentStore store, TimeProvider clock, ILogger<CooperativeMergedConsumer> logger)
    : IdempotentConsumer<Registry.CooperativeMerged>(store, clock)
{
    protected override async Task HandleAsync(IDocumentSession session, ConsumeContext<Registry.CooperativeMerged> context)
    {
        var m = context.Message;
        await KnownCooperatives.ApplyAsync(session, m.CooperativeId, c => c.With(m), context.CancellationToken);
        await RegistryAnswers.CompleteAsync(session, m.CaseId, new RegistryApplied(CaseKind.Merger, m.CooperativeId, m.MembersMoved, m.OccurredAt), logger, context.CancellationToken);
    }
}
