using Marten;

namespace Koperasi.ServiceDefaults.PersonalData;

/// <summary>
/// Where a service keeps the personal data of citizens (DOMAIN "Personal data", UU PDP 27/2022):
/// one encrypted record per person, under a key of that person's own; events and read models carry
/// only the person's pseudonymous id. Erasing the person deletes the key (crypto-shredding): the
/// record can never be read again, and the keyed hash that found duplicates is gone with it.
/// Every read in clear is recorded: who, when, which person, why.
/// </summary>
public interface IPersonalDataVault
{
    /// <summary>
    /// Stages, in <paramref name="session"/>, the encrypted record of a person under a fresh data key
    /// (replacing key and record of a known person together) and, when <paramref name="nik"/> is
    /// given, its keyed hash for <see cref="FindByNikAsync"/>. An erased person's id is never stored again. The caller commits with its own events, so the record and
    /// the events that name the person are stored together or not at all.
    /// </summary>
    /// <typeparam name="T">The service's record type (serialized to JSON, then encrypted).</typeparam>
    void Store<T>(IDocumentSession session, Guid personId, T record, string? nik) where T : class;

    /// <summary>The people whose record was stored with this NIK (and not erased), found by the keyed hash.</summary>
    Task<IReadOnlyList<Guid>> FindByNikAsync(IQuerySession session, string nik, CancellationToken cancellationToken);

    /// <summary>
    /// The person's record in clear, and a record of this read (the acting user from
    /// <see cref="Identity.ICurrentActor"/>, the time, the person, <paramref name="purpose"/>), committed
    /// before the record is returned. Null when the person is unknown or erased.
    /// </summary>
    Task<T?> RevealAsync<T>(Guid personId, string purpose, CancellationToken cancellationToken) where T : class;

    /// <summary>
    /// Erases the person: deletes the key and the keyed hash and records the erasure (who, when,
    /// why). Staged in <paramref name="session"/>; the caller commits.
    /// </summary>
    void ErasePerson(IDocumentSession session, Guid personId, string reason);

    /// <summary>Whether the person's record can still be read (it exists and was not erased).</summary>
    Task<bool> IsReadableAsync(IQuerySession session, Guid personId, CancellationToken cancellationToken);
}

/// <summary>One recorded read of personal data in clear, or an erasure.</summary>
/// <param name="Id">Id of the entry.</param>
/// <param name="PersonId">Whose data.</param>
/// <param name="Actor">Who read or erased it.</param>
/// <param name="ActorRole">In which role.</param>
/// <param name="At">When.</param>
/// <param name="Purpose">Why (for a read), or the reason (for an erasure).</param>
/// <param name="Kind">"read" or "erasure".</param>
public sealed record PersonalDataAccess(Guid Id, Guid PersonId, string Actor, string? ActorRole, DateTimeOffset At, string Purpose, string Kind);
