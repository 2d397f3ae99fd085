using System.Linq.Expressions;
using Marten;

namespace Koperasi.ServiceDefaults.Replicas;

/// <summary>Stores replicas (<see cref="IReplica{TSelf}"/>) as versioned Marten documents.</summary>
public static class Replicas
{
    /// <summary>
    /// Declares <typeparamref name="TReplica"/> as a document named <paramref name="alias"/> with
    /// numeric revisions mapped to <see cref="IReplica{TSelf}.Revision"/>.
    /// </summary>
    public static void Register<TReplica>(StoreOptions options, string alias) where TReplica : class, IReplica<TReplica>
    {
        var replica = Expression.Parameter(typeof(TReplica), "replica");
        var revision = Expression.Lambda<Func<TReplica, long>>(Expression.Property(replica, nameof(IReplica<TReplica>.Revision)), replica);
        options.Schema.For<TReplica>()
            .DocumentAlias(alias)
            .UseNumericRevisions(true)
            .Metadata(m => m.Revision.MapTo(revision));
    }

    /// <summary>
    /// Stages one fold of a replica in <paramref name="session"/> and returns the replica as it will
    /// be. Two consumers changing the same replica at once cannot both commit (a first insert fails on
    /// the key, an update on the revision): the loser is retried with a fresh session and folds its
    /// message into what the winner wrote. A fold that changes nothing writes nothing.
    /// </summary>
    public static async Task<TReplica> ApplyAsync<TReplica>(IDocumentSession session, Guid id, Func<TReplica, TReplica> fold, CancellationToken cancellationToken)
        where TReplica : class, IReplica<TReplica>
    {
        var held = await session.LoadAsync<TReplica>(id, cancellationToken);
        var next = fold(held ?? TReplica.Unknown(id));
        if (held is null)
        {
            session.Insert(next);
        }
        else if (!next.Equals(held))
        {
            session.UpdateRevision(next, held.Revision + 1);
        }

        return next;
    }
}
