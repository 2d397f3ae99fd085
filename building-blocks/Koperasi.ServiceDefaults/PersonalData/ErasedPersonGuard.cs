using Marten;

namespace Koperasi.ServiceDefaults.PersonalData;

/// <summary>
/// Refuses to commit a key or a record for a person whose erasure was recorded, so a retried
/// message, a replay or a careless caller cannot bring an erased person back. A person who returns
/// gets a new pseudonymous id.
/// </summary>
internal sealed class ErasedPersonGuard : DocumentSessionListenerBase
{
    public override async Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        var changes = session.PendingChanges;
        var people = changes.AllChangedFor<PersonalDataRecord>().Select(r => r.Id)
            .Concat(changes.AllChangedFor<PersonalDataKey>().Select(k => k.Id))
            .Distinct()
            .ToList();
        if (people.Count == 0)
        {
            return;
        }

        var erased = await session.Query<PersonalDataAccess>()
            .Where(a => a.Kind == PersonalDataAccessLog.Erasure && people.Contains(a.PersonId))
            .Select(a => a.PersonId)
            .Take(1)
            .ToListAsync(token);
        if (erased.Count > 0)
        {
            throw new InvalidOperationException(
                $"Person {erased[0]} was erased: their personal data cannot be stored again under the same id. A person who returns gets a new id.");
        }
    }
}
