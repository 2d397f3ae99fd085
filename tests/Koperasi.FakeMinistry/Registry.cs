using System.Globalization;

namespace Koperasi.FakeMinistry;

/// <summary>A proposal as the Dinas sends it.</summary>
public sealed record ProposalRequest(Guid CaseId, Guid CooperativeId, string? Name, string? RegencyCode);

/// <summary>A batch as the Dinas sends it.</summary>
public sealed record BatchRequest(Guid BatchId, string? Title, IReadOnlyList<ProposalRequest>? Proposals);

/// <summary>A batch the ministry registered, under the key it came with.</summary>
public sealed record RegisteredBatch(string Reference, string IdempotencyKey, Guid BatchId, string Title, IReadOnlyList<ProposalRequest> Proposals, DateTimeOffset ReceivedAt)
{
    /// <summary>Whether a request sent again under this batch's key carries the same batch.</summary>
    public bool IsSameBatchAs(BatchRequest request) =>
        BatchId == request.BatchId && Title == request.Title && Proposals.SequenceEqual(request.Proposals ?? []);
}

/// <summary>
/// The batches the ministry registered, in memory: one per idempotency key, however often and however
/// concurrently the key is sent.
/// </summary>
public sealed class BatchRegistry
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, RegisteredBatch> _byKey = [];
    private readonly List<RegisteredBatch> _batches = [];

    public IReadOnlyList<RegisteredBatch> Batches
    {
        get
        {
            lock (_lock)
            {
                return [.. _batches];
            }
        }
    }

    /// <summary>Registers the batch once: a key seen before gives back its batch (Created false).</summary>
    public (RegisteredBatch Batch, bool Created) Register(string idempotencyKey, BatchRequest request, DateTimeOffset now)
    {
        lock (_lock)
        {
            if (_byKey.TryGetValue(idempotencyKey, out var existing))
            {
                return (existing, false);
            }

            var reference = string.Create(CultureInfo.InvariantCulture, $"KEMENKOP-{now:yyyyMMdd}-{_batches.Count + 1:0000}");
            var batch = new RegisteredBatch(reference, idempotencyKey, request.BatchId, request.Title!, [.. request.Proposals!], now);
            _byKey[idempotencyKey] = batch;
            _batches.Add(batch);
            return (batch, true);
        }
    }

    public RegisteredBatch? Find(string reference)
    {
        lock (_lock)
        {
            return _batches.FirstOrDefault(b => b.Reference == reference);
        }
    }
}
