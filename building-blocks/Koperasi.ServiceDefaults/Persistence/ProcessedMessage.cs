namespace Koperasi.ServiceDefaults.Persistence;

/// <summary>
/// Marks a message as handled by one consumer. Inserted in the same transaction as the
/// consumer's effects, so a redelivered message changes nothing.
/// </summary>
/// <param name="Id"><c>{consumer}:{messageId}</c>.</param>
/// <param name="Consumer">Name of the consumer.</param>
/// <param name="MessageId">The message id (the source event id for relayed events).</param>
/// <param name="ProcessedAt">When it was handled.</param>
public sealed record ProcessedMessage(string Id, string Consumer, Guid MessageId, DateTimeOffset ProcessedAt);
