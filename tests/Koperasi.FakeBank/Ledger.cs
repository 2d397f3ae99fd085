using System.Globalization;

namespace Koperasi.FakeBank;

/// <summary>
/// The bank's book of completed transfers, in memory: one transfer per idempotency key, however
/// often and however concurrently the key is sent.
/// </summary>
public sealed class Ledger
{
    public const string Rupiah = "IDR";

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Transfer> _byKey = [];
    private readonly List<Transfer> _transfers = [];

    public IReadOnlyList<Transfer> Transfers
    {
        get
        {
            lock (_lock)
            {
                return [.. _transfers];
            }
        }
    }

    /// <summary>Pays the request once: a key seen before gives back its transfer (Created false).</summary>
    public (Transfer Transfer, bool Created) Pay(string idempotencyKey, TransferRequest request, Beneficiary beneficiary, DateTimeOffset now)
    {
        lock (_lock)
        {
            if (_byKey.TryGetValue(idempotencyKey, out var existing))
            {
                return (existing, false);
            }

            var reference = string.Create(CultureInfo.InvariantCulture, $"TRF-{now:yyyyMMdd}-{_transfers.Count + 1:000000}");
            var transfer = new Transfer(reference, idempotencyKey, request.Amount, request.Currency ?? Rupiah, beneficiary, request.Remark, now);
            _byKey[idempotencyKey] = transfer;
            _transfers.Add(transfer);
            return (transfer, true);
        }
    }

    public Transfer? Find(string idempotencyKey)
    {
        lock (_lock)
        {
            return _byKey.GetValueOrDefault(idempotencyKey);
        }
    }
}
