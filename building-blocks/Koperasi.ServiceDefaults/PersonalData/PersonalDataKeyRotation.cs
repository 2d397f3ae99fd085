using System.Data;
using Marten;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Koperasi.ServiceDefaults.PersonalData;

/// <summary>
/// Moves the data keys off retired master keys. After a rotation (the new key in
/// <c>PersonalData:MasterKey</c>, the old one in <c>PersonalData:PreviousMasterKeys</c>), every key
/// the service stores is wrapped under the new one and the old keys still unwrap;
/// <see cref="RewrapAsync"/> re-wraps the rest, after which the old master key can be removed, and
/// with it the last way to read keys left in old backups.
/// </summary>
public sealed partial class PersonalDataKeyRotation
{
    private const int BatchSize = 200;
    private const int ConflictRetries = 5;

    private readonly IDocumentStore _store;
    private readonly PersonalDataKeyRing _keys;
    private readonly ILogger<PersonalDataKeyRotation> _logger;

    internal PersonalDataKeyRotation(IDocumentStore store, PersonalDataKeyRing keys, ILogger<PersonalDataKeyRotation> logger)
    {
        _store = store;
        _keys = keys;
        _logger = logger;
    }

    /// <summary>The id of the master key new data keys are wrapped under.</summary>
    public string CurrentMasterKeyId => _keys.CurrentMasterKeyId;

    /// <summary>The ids of every master key this process holds: the current one and those of <c>PersonalData:PreviousMasterKeys</c>.</summary>
    public IReadOnlyCollection<string> ConfiguredMasterKeyIds => _keys.MasterKeyIds;

    /// <summary>How many data keys each master key id wraps (ids this service has no key for included).</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountByMasterKeyAsync(CancellationToken cancellationToken)
    {
        await using var session = _store.QuerySession();
        var ids = await session.Query<PersonalDataKey>().Select(k => k.MasterKeyId).Distinct().ToListAsync(cancellationToken);
        var counts = new Dictionary<string, int>();
        foreach (var id in ids)
        {
            counts[id] = await session.Query<PersonalDataKey>().CountAsync(k => k.MasterKeyId == id, cancellationToken);
        }

        return counts;
    }

    /// <summary>
    /// Re-wraps every data key not under the current master key; returns how many it re-wrapped.
    /// Each batch runs in a serializable transaction, so a key replaced or erased meanwhile is read
    /// again rather than overwritten or brought back. Records are not touched.
    /// </summary>
    public async Task<int> RewrapAsync(CancellationToken cancellationToken)
    {
        var current = _keys.CurrentMasterKeyId;
        var total = 0;
        var conflicts = 0;
        while (true)
        {
            await using var session = _store.LightweightSession(IsolationLevel.Serializable);
            var stale = await session.Query<PersonalDataKey>()
                .Where(k => k.MasterKeyId != current)
                .OrderBy(k => k.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (stale.Count == 0)
            {
                LogRewrapped(total, current);
                return total;
            }

            foreach (var key in stale)
            {
                session.Update(_keys.Rewrap(key));
            }

            try
            {
                await session.SaveChangesAsync(cancellationToken);
                total += stale.Count;
                conflicts = 0;
            }
            catch (Exception e) when (IsConflict(e) && ++conflicts < ConflictRetries)
            {
                // Read the batch again: some key changed under us.
            }
        }
    }

    private static bool IsConflict(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is PostgresException { SqlState: PostgresErrorCodes.SerializationFailure } or Marten.Exceptions.NonExistentDocumentException)
            {
                return true;
            }
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-wrapped {Count} personal-data keys under master key {MasterKeyId}")]
    private partial void LogRewrapped(int count, string masterKeyId);
}
