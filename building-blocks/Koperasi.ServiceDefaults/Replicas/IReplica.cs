namespace Koperasi.ServiceDefaults.Replicas;

/// <summary>
/// What a service keeps of one aggregate of another service, folded from that aggregate's public
/// contract events: one versioned Marten document per aggregate, never read from the publisher's
/// database. Contracts travel on different queues and may arrive late, twice or out of order, so
/// each fact is kept with the publisher's stream version that stated it (<see cref="Versioned{T}"/>)
/// and the fold takes a fact only when it is newer. The fold is pure: <c>With(message)</c> methods
/// on the replica, unit-tested without a database. See docs/adr/0012.
/// </summary>
/// <typeparam name="TSelf">The replica type.</typeparam>
public interface IReplica<TSelf> where TSelf : class, IReplica<TSelf>
{
    /// <summary>The publisher's aggregate id (its stream id).</summary>
    Guid Id { get; }

    /// <summary>Revision of the document: two consumers changing one replica at once cannot both commit.</summary>
    long Revision { get; set; }

    /// <summary>The newest publisher stream version folded in so far.</summary>
    long StreamVersion { get; }

    /// <summary>Nothing known yet but the id (the first fact to arrive may be any of them).</summary>
    static abstract TSelf Unknown(Guid id);
}
