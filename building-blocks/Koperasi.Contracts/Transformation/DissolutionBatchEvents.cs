using MassTransit;

namespace Koperasi.Contracts.Transformation;

/// <summary>A proposal in a dissolution batch.</summary>
/// <param name="CaseId">The dissolution case.</param>
/// <param name="CooperativeId">The koperasi proposed for dissolution.</param>
/// <param name="RegencyCode">Its regency's BPS code.</param>
public sealed record DissolutionBatchItem(Guid CaseId, Guid CooperativeId, string RegencyCode);

/// <summary>A batch of government-path dissolution proposals went to the ministry (once, under one idempotency key).</summary>
/// <param name="BatchId">The batch.</param>
/// <param name="StreamVersion">Version of the batch's stream after this event.</param>
/// <param name="OccurredAt">When it was recorded.</param>
/// <param name="SentOn">The day it was sent.</param>
/// <param name="Proposals">The proposals it carried.</param>
[MessageUrn("koperasi:transformation:dissolution-batch-sent:v1")]
public sealed record DissolutionBatchSent(
    Guid BatchId,
    long StreamVersion,
    DateTimeOffset OccurredAt,
    DateOnly SentOn,
    IReadOnlyList<DissolutionBatchItem> Proposals) : IIntegrationEvent;

/// <summary>The ministry answered for one koperasi of a batch.</summary>
/// <param name="BatchId">The batch.</param>
/// <param name="StreamVersion">Version of the batch's stream after this event.</param>
/// <param name="OccurredAt">When it was recorded.</param>
/// <param name="CaseId">The dissolution case.</param>
/// <param name="CooperativeId">The koperasi.</param>
/// <param name="Answer">"approved", "rejected", "documents-needed" or "reverify".</param>
/// <param name="DecreeNumber">The dissolution decree's number, for an approval.</param>
/// <param name="DecreeDate">The decree's date, for an approval.</param>
/// <param name="Reason">The ministry's reason, for a rejection.</param>
/// <param name="Documents">The documents asked for (e.g. the original deed, or a police report of its loss).</param>
[MessageUrn("koperasi:transformation:dissolution-answer-received:v1")]
public sealed record DissolutionAnswerReceived(
    Guid BatchId,
    long StreamVersion,
    DateTimeOffset OccurredAt,
    Guid CaseId,
    Guid CooperativeId,
    string Answer,
    string? DecreeNumber,
    DateOnly? DecreeDate,
    string? Reason,
    IReadOnlyList<string> Documents) : IIntegrationEvent;
