using Koperasi.ServiceDefaults.Messaging;
using Koperasi.Transformation.Cases;
using Koperasi.Transformation.Dissolutions;
using Marten;
using MassTransit;
using Registry = Koperasi.Contracts.Registry;

namespace Koperasi.Transformation.Messaging.Consumers;

/// <summary>
/// The Registry corrected a koperasi's activity history (a late RAT, a policy change). When the
/// corrected history has the koperasi aktif now after a tidak-aktif period, an open dissolution case
/// holding it is flagged revived (once), as for a <see cref="Registry.CooperativeActivityChanged"/> to aktif.
/// A history that was aktif before and still is, a redelivery, a closed case or a transformation case changes nothing.
/// </summary>
public sealed class CooperativeActivityCorrectedConsumer(IDocumentStore store, TimeProvider clock)
    : IdempotentConsumer<Registry.CooperativeActivityCorrected>(store, clock)
{
    protected override async Task HandleAsync(IDocumentSession session, ConsumeContext<Registry.CooperativeActivityCorrected> context)
    {
        var periods = context.Message.Periods;
        if (periods.Count < 2
            || !string.Equals(periods[^1].Activity, CooperativeActivityChangedConsumer.Aktif, StringComparison.Ordinal)
            || string.Equals(periods[^2].Activity, CooperativeActivityChangedConsumer.Aktif, StringComparison.Ordinal)
            || await session.LoadAsync<ParticipationClaim>(context.Message.CooperativeId, context.CancellationToken) is not { Ended: false } claim)
        {
            return;
        }

        var stream = await session.Events.FetchForWriting<DissolutionCase>(claim.CaseId, context.CancellationToken);
        if (stream.Aggregate is { } dissolution && dissolution.CooperativeId == context.Message.CooperativeId)
        {
            stream.AppendMany(dissolution.MarkRevived(periods[^1].From).Events);
        }
    }
}
