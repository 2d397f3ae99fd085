using System.Security.Cryptography;
using System.Text.Json;
using Koperasi.ServiceDefaults.Identity;
using Koperasi.ServiceDefaults.Persistence;
using Marten;
using Microsoft.Extensions.Logging;

namespace Koperasi.ServiceDefaults.PersonalData;

/// <summary>
/// The vault on Marten: per person a data key (wrapped under the master key), the record encrypted
/// under it, the keyed hash of the NIK, each its own document; reads and erasures in the access log.
/// </summary>
internal sealed partial class PersonalDataVault(
    IDocumentStore store,
    ICurrentActor actor,
    PersonalDataKeyRing keys,
    TimeProvider clock,
    ILogger<PersonalDataVault> logger) : IPersonalDataVault
{
    private const int MaxExplanationLength = 500;

    // A concurrent Store replaces key and record together; a read between the two sees them apart.
    private const int ReadAttempts = 3;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Store<T>(IDocumentSession session, Guid personId, T record, string? nik) where T : class
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(record);
        RequirePerson(personId);
        var nikHash = nik is null ? null : keys.HashNik(nik);

        var now = clock.GetUtcNow();
        var dataKeyId = Guid.CreateVersion7(now);
        var dataKey = RandomNumberGenerator.GetBytes(PersonalDataCipher.KeySize);
        var plaintext = JsonSerializer.SerializeToUtf8Bytes(record, Json);
        try
        {
            var sealedRecord = PersonalDataCipher.Seal(dataKey, plaintext, PersonalDataDocuments.RecordAssociatedData(personId, dataKeyId));
            session.Store(keys.Wrap(personId, dataKeyId, dataKey, now));
            session.Store(new PersonalDataRecord(personId, dataKeyId, sealedRecord.Nonce, sealedRecord.Ciphertext, sealedRecord.Tag, now));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
            CryptographicOperations.ZeroMemory(plaintext);
        }

        if (nikHash is not null)
        {
            session.Store(new PersonalDataNikHash(personId, nikHash));
        }
    }

    public async Task<IReadOnlyList<Guid>> FindByNikAsync(IQuerySession session, string nik, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var hash = keys.HashNik(nik);
        return await session.Query<PersonalDataNikHash>()
            .Where(h => h.Hash == hash)
            .OrderBy(h => h.Id)
            .Select(h => h.Id)
            .ToListAsync(cancellationToken);
    }

    public async Task<T?> RevealAsync<T>(Guid personId, string purpose, CancellationToken cancellationToken) where T : class
    {
        var why = Explanation(purpose, nameof(purpose));
        RequirePerson(personId);

        T? clear = null;
        for (var attempt = 1; clear is null; attempt++)
        {
            await using var query = store.QuerySession();
            var record = await query.LoadAsync<PersonalDataRecord>(personId, cancellationToken);
            var key = await query.LoadAsync<PersonalDataKey>(personId, cancellationToken);
            if (record is null || key is null)
            {
                return null;
            }

            if (record.DataKeyId == key.DataKeyId)
            {
                clear = Decrypt<T>(record, key);
            }
            else if (attempt == ReadAttempts)
            {
                throw new CryptographicException($"The record of person {personId} was not encrypted under the person's data key.");
            }
        }

        var (name, role) = (actor.Name, actor.Role);
        await using (var session = store.OpenSessionAs(name, role))
        {
            session.Insert(new PersonalDataAccess(Guid.CreateVersion7(), personId, name, role, clock.GetUtcNow(), why, PersonalDataAccessLog.Read));
            await session.SaveChangesAsync(cancellationToken);
        }

        LogRead(personId, name, role, why);
        return clear;
    }

    public void ErasePerson(IDocumentSession session, Guid personId, string reason)
    {
        ArgumentNullException.ThrowIfNull(session);
        var why = Explanation(reason, nameof(reason));
        RequirePerson(personId);

        // Who erases is who the session acts for (a system job names itself there), else the caller.
        var (name, role) = session.LastModifiedBy is { Length: > 0 } sessionActor
            ? (sessionActor, session.GetHeader(EventHeaders.ActorRole) as string)
            : (actor.Name, actor.Role);
        session.Delete<PersonalDataKey>(personId);
        session.Delete<PersonalDataRecord>(personId);
        session.Delete<PersonalDataNikHash>(personId);
        session.Insert(new PersonalDataAccess(Guid.CreateVersion7(), personId, name, role, clock.GetUtcNow(), why, PersonalDataAccessLog.Erasure));
    }

    public async Task<bool> IsReadableAsync(IQuerySession session, Guid personId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return await session.Query<PersonalDataKey>().AnyAsync(k => k.Id == personId, cancellationToken)
            && await session.Query<PersonalDataRecord>().AnyAsync(r => r.Id == personId, cancellationToken);
    }

    private T Decrypt<T>(PersonalDataRecord record, PersonalDataKey key) where T : class
    {
        var dataKey = keys.Unwrap(key);
        byte[]? plaintext = null;
        try
        {
            plaintext = PersonalDataCipher.Open(dataKey, record.Nonce, record.Ciphertext, record.Tag, PersonalDataDocuments.RecordAssociatedData(record.Id, record.DataKeyId));
            return JsonSerializer.Deserialize<T>(plaintext, Json)
                ?? throw new InvalidOperationException($"The record of person {record.Id} is empty.");
        }
        catch (CryptographicException e)
        {
            throw new CryptographicException(
                $"The record of person {record.Id} does not open under the person's data key: it was altered or belongs to someone else.", e);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
            if (plaintext is not null)
            {
                CryptographicOperations.ZeroMemory(plaintext);
            }
        }
    }

    private static void RequirePerson(Guid personId)
    {
        if (personId == Guid.Empty)
        {
            throw new ArgumentException("A person's id is not empty.", nameof(personId));
        }
    }

    /// <summary>A purpose or reason as the log keeps it: required, bounded, any NIK in it masked.</summary>
    private static string Explanation(string text, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text, name);
        var trimmed = text.Trim();
        return trimmed.Length <= MaxExplanationLength
            ? Nik.Scrub(trimmed)
            : throw new ArgumentException($"A {name} is at most {MaxExplanationLength} characters.", name);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Personal data of {PersonId} read in clear by {Actor} ({Role}) for: {Purpose}")]
    private partial void LogRead(Guid personId, string actor, string? role, string purpose);
}
