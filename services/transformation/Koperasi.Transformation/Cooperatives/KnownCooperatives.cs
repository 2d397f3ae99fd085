using Marten;

namespace Koperasi.Transformation.Cooperatives;

/// <summary>Keeps the <see cref="KnownCooperative"/> documents.</summary>
public static class KnownCooperatives
{
    /// <summary>
    /// Stages one change of a koperasi's document. Two consumers changing the same koperasi at once
    /// cannot both commit (a first insert fails on the key, an update on the revision): the loser is
    /// retried with a fresh session and applies its fact to what the winner wrote.
    /// </summary>
    public static async Task ApplyAsync(IDocumentSession session, Guid id, Func<KnownCooperative, KnownCooperative> change, CancellationToken cancellationToken)
    {
        var held = await session.LoadAsync<KnownCooperative>(id, cancellationToken);
        var next = change(held ?? KnownCooperative.Unknown(id));
        if (held is null)
        {
            session.Insert(next);
        }
        else if (next != held)
        {
            session.UpdateRevision(next, held.Revision + 1);
        }
    }
}
