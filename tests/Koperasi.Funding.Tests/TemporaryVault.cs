using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Koperasi.ServiceDefaults.Identity;
using Koperasi.ServiceDefaults.PersonalData;
using Marten;

namespace Koperasi.Funding.Tests;

/// <summary>
/// Stands in for the platform's vault until its implementation is merged: the same contract, kept
/// in Marten documents of the test schema, without encryption.
/// </summary>
public sealed class TemporaryVault(IDocumentStore store, ICurrentActor actor, TimeProvider clock) : IPersonalDataVault
{
    public sealed record Entry(Guid Id, string Json, string? NikHash);

    public void Store<T>(IDocumentSession session, Guid personId, T record, string? nik) where T : class =>
        session.Store(new Entry(personId, JsonSerializer.Serialize(record), nik is null ? null : Hash(nik)));

    public async Task<IReadOnlyList<Guid>> FindByNikAsync(IQuerySession session, string nik, CancellationToken cancellationToken)
    {
        var hash = Hash(nik);
        return [.. (await session.Query<Entry>().Where(e => e.NikHash == hash).ToListAsync(cancellationToken)).Select(e => e.Id)];
    }

    public async Task<T?> RevealAsync<T>(Guid personId, string purpose, CancellationToken cancellationToken) where T : class
    {
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<Entry>(personId, cancellationToken) is not { } entry)
        {
            return null;
        }

        session.Store(new PersonalDataAccess(Guid.NewGuid(), personId, actor.Name, actor.Role, clock.GetUtcNow(), purpose, "read"));
        await session.SaveChangesAsync(cancellationToken);
        return JsonSerializer.Deserialize<T>(entry.Json);
    }

    public void ErasePerson(IDocumentSession session, Guid personId, string reason)
    {
        session.Delete<Entry>(personId);
        session.Store(new PersonalDataAccess(Guid.NewGuid(), personId, actor.Name, actor.Role, clock.GetUtcNow(), reason, "erasure"));
    }

    public async Task<bool> IsReadableAsync(IQuerySession session, Guid personId, CancellationToken cancellationToken) =>
        await session.LoadAsync<Entry>(personId, cancellationToken) is not null;

    private static string Hash(string nik) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(nik)));
}
