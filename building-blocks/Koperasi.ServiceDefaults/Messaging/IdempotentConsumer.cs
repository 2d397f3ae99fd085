using JasperFx;
using Koperasi.ServiceDefaults.Identity;
using Koperasi.ServiceDefaults.Persistence;
using Marten;
using MassTransit;

namespace Koperasi.ServiceDefaults.Messaging;

/// <summary>
/// A consumer whose effect happens once per message, however often the broker delivers it:
/// the effect and a <see cref="ProcessedMessage"/> keyed by the message id commit in one
/// Marten transaction. A concurrent duplicate fails on that key and counts as already done; a clash
/// on any other key is a failure like any other, and is retried.
/// Each retry gets a fresh consumer and session.
/// </summary>
/// <typeparam name="TMessage">The consumed contract.</typeparam>
public abstract class IdempotentConsumer<TMessage>(IDocumentStore store, TimeProvider clock) : IConsumer<TMessage>
    where TMessage : class
{
    /// <summary>Name recorded with processed messages; defaults to the consumer's type name.</summary>
    protected virtual string ConsumerName => GetType().Name;

    /// <inheritdoc />
    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"{typeof(TMessage).Name} arrived without a MessageId; it cannot be deduplicated.");
        var key = $"{ConsumerName}:{messageId:N}";

        using var actor = CurrentActor.RunAs($"service:{ConsumerName}");
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<ProcessedMessage>(key, context.CancellationToken) is not null)
        {
            return;
        }

        await HandleAsync(session, context);
        session.Insert(new ProcessedMessage(key, ConsumerName, messageId, clock.GetUtcNow()));
        try
        {
            await session.SaveChangesAsync(context.CancellationToken);
        }
        catch (DocumentAlreadyExistsException clash) when (clash.DocumentType == typeof(ProcessedMessage))
        {
            // A concurrent delivery of the same message committed first: its effect stands. Any other
            // key clash is the effect's own (two messages creating one document at once): it fails
            // this attempt, and the retry applies the message to what the other one wrote.
        }
    }

    /// <summary>The effect: record it in <paramref name="session"/>; the base class commits.</summary>
    protected abstract Task HandleAsync(IDocumentSession session, ConsumeContext<TMessage> context);
}
