using Koperasi.ServiceDefaults.Messaging;
using Koperasi.Transformation.Cases;
using Koperasi.Transformation.Dissolutions;
using Marten;
using MassTransit;
using Registry = Koperasi.Contracts.Registry;

namespace Koperasi.Transformation.Messaging.Consumers;

/// <summary>
/// The register found a koperasi aktif again (it held a RAT): if an open dissolution case holds it, the
/// case is flagged revived (once), so the officer sees it, it stays out of batches, and it can be withdrawn.
/// A redelivery, a closed case or a transformation case changes nothing.
/// </summary>
public sealed class CooperativeActivityChangedConsumer(IDocumentStore store, TimeProvider clock)
    : IdempotentConsumer<Registry.CooperativeActivityChanged>(store, clock)
{
    public const string Aktif = "aktif";

    protected override async Task HandleAsync(IDocumentSession session, ConsumeContext<Registry.CooperativeActivityChanged> context)
    {
        var message = context.Message;
        if (!string.Equals(message.To, Aktif, StringComparison.Ordinal)
            || await session.LoadAsync<ParticipationClaim>(message.CooperativeId, context.CancellationToken) is not { Ended: false } claim)
        {
            return;
        }

        var stream = await session.Events.FetchForWriting<DissolutionCase>(claim.CaseId, context.CancellationToken);
        if (stream.Aggregate is { } dissolution && dissolution.CooperativeId == message.CooperativeId)
        {
            stream.AppendMany(dissolution.MarkRevived(message.EffectiveOn).Events);
        }
    }
}
