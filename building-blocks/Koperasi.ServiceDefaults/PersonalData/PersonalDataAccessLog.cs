using Marten;

namespace Koperasi.ServiceDefaults.PersonalData;

/// <summary>
/// The record of every read of personal data in clear and every erasure, as an operator reads it
/// for a breach report (UU PDP: reportable within 3×24 hours): who read whose data between two
/// moments, everything that happened to one person's data, and what the vault holds.
/// </summary>
public static class PersonalDataAccessLog
{
    /// <summary><see cref="PersonalDataAccess.Kind"/> of a read in clear.</summary>
    public const string Read = "read";

    /// <summary><see cref="PersonalDataAccess.Kind"/> of an erasure.</summary>
    public const string Erasure = "erasure";

    /// <summary>Every read and erasure from <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive), oldest first.</summary>
    public static async Task<IReadOnlyList<PersonalDataAccess>> BetweenAsync(
        this IQuerySession session, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return await session.Query<PersonalDataAccess>()
            .Where(a => a.At >= from && a.At < to)
            .OrderBy(a => a.At)
            .ThenBy(a => a.Id)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Every read and erasure of one person's data, oldest first.</summary>
    public static async Task<IReadOnlyList<PersonalDataAccess>> OfPersonAsync(
        this IQuerySession session, Guid personId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return await session.Query<PersonalDataAccess>()
            .Where(a => a.PersonId == personId)
            .OrderBy(a => a.At)
            .ThenBy(a => a.Id)
            .ToListAsync(cancellationToken);
    }

    /// <summary>What the vault of this service holds now: the people a breach of its database would concern.</summary>
    public static async Task<PersonalDataInventory> InventoryAsync(this IQuerySession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var keys = await session.Query<PersonalDataKey>().CountAsync(cancellationToken);
        var records = await session.Query<PersonalDataRecord>().CountAsync(cancellationToken);
        var hashes = await session.Query<PersonalDataNikHash>().CountAsync(cancellationToken);
        var erasures = await session.Query<PersonalDataAccess>().CountAsync(a => a.Kind == Erasure, cancellationToken);
        return new PersonalDataInventory(keys, records, hashes, erasures);
    }
}

/// <summary>Counts of what a service's vault holds.</summary>
/// <param name="Keys">People with a data key (whose records can be read).</param>
/// <param name="Records">Encrypted records.</param>
/// <param name="NikHashes">Keyed hashes of NIKs.</param>
/// <param name="Erasures">Recorded erasures.</param>
public sealed record PersonalDataInventory(int Keys, int Records, int NikHashes, int Erasures);
