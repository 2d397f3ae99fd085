using Koperasi.ServiceDefaults.Messaging;
using Koperasi.Transformation.Cooperatives;
using Marten;
using MassTransit;
using Registry = Koperasi.Contracts.Registry;

namespace Koperasi.Transformation.Messaging;

/// <summary>A RAT was reported: its members' total may be the koperasi's member count now.</summary>
public sealed class RatReportedConsumer(IDocumentStore store, TimeProvider clock) : IdempotentConsumer<Registry.RatReported>(store, clock)
{
    protected override Task HandleAsync(IDocumentSession session, ConsumeContext<Registry.RatReported> context) =>
        KnownCooperatives.ApplyAsync(session, context.Message.CooperativeId, c => c.With(context.Message), context.CancellationToken);
}
