using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Koperasi.Registry.Cooperatives;

/// <summary>
/// Keeps each koperasi's state as a document in the same transaction as its events: the write
/// side fetches it without replaying the stream, and lists and filters query it.
/// </summary>
public sealed partial class CooperativeProjection : SingleStreamProjection<Cooperative, Guid>
{
    public override Cooperative? Evolve(Cooperative? snapshot, Guid id, IEvent e) => Cooperative.Fold(snapshot, e.Data);
}
