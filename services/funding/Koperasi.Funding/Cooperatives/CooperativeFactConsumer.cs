using Koperasi.ServiceDefaults.Messaging;
using Marten;
using MassTransit;

namespace Koperasi.Funding.Cooperatives;

/// <summary>
/// Records what a Registry event says about a koperasi on Funding's stream of that koperasi, once
/// per message (the idempotent base) and only when it is newer than what Funding holds of that
/// aspect. Two facts about one koperasi consumed at once conflict on the stream's version: the
/// loser is retried with a fresh session and sees the winner's fact.
/// </summary>
public abstract class CooperativeFactConsumer<TMessage>(IDocumentStore store, TimeProvider clock) : IdempotentConsumer<TMessage>(store, clock)
    where TMessage : class
{
    /// <summary>The fact the message gives, or null when it says nothing the rule needs.</summary>
    protected abstract (Guid CooperativeId, object Fact)? FactOf(TMessage message);

    protected override async Task HandleAsync(IDocumentSession session, ConsumeContext<TMessage> context)
    {
        if (FactOf(context.Message) is not var (cooperativeId, fact))
        {
            return;
        }

        var stream = await session.Events.FetchForWriting<CooperativeStanding>(cooperativeId, context.CancellationToken);
        if (CooperativeStandingFold.IsNews(stream.Aggregate, fact))
        {
            stream.AppendOne(fact);
        }
    }
}
