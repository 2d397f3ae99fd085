using Koperasi.ServiceDefaults.Messaging;
using Koperasi.Transformation.Cases;
using Marten;
using MassTransit;
using Registry = Koperasi.Contracts.Registry;

namespace Koperasi.Transformation.Messaging.Consumers;

/// <summary>The register could not apply an approved case: the case is rejected with the register's rule, and its participants are free.</summary>
public sealed class TransformationNotAppliedConsumer(IDocumentStore store, TimeProvider clock, ILogger<TransformationNotAppliedConsumer> logger)
    : IdempotentConsumer<Registry.TransformationNotApplied>(store, clock)
{
    protected override Task HandleAsync(IDocumentSession session, ConsumeContext<Registry.TransformationNotApplied> context) =>
        RegistryAnswers.RejectAsync(session, context.Message.CaseId, context.Message.Rule, context.Message.Reason, logger, context.CancellationToken);
}
