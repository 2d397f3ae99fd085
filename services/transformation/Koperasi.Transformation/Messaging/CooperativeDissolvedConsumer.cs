using Koperasi.ServiceDefaults.Messaging;
using Koperasi.Transformation.Cooperatives;
using Marten;
using MassTransit;
using Registry = Koperasi.Contracts.Registry;

namespace Koperasi.Transformation.Messaging;

/// <summary>A koperasi ceased to be a legal entity: it can no longer take part in a case.</summary>
public sealed class CooperativeDissolvedConsumer(IDocumentStore store, TimeProvider clock) : IdempotentConsumer<Registry.CooperativeDissolved>(store, clock)
{
    protected override Task HandleAsync(IDocumentSession session, ConsumeContext<Registry.CooperativeDissolved> context) =>
        KnownCooperatives.ApplyAsync(session, context.Message.CooperativeId, c => c.With(context.Message), context.CancellationToken);
}
