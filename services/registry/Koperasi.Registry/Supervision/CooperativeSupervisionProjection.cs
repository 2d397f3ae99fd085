using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Koperasi.Registry.Supervision;

/// <summary>
/// Keeps each koperasi's supervision state as a document in the same transaction as its events,
/// beside the <see cref="Cooperatives.Cooperative"/> document: the supervision endpoints fetch it
/// to decide, and the worklists and statistics query it.
/// </summary>
public sealed class CooperativeSupervisionProjection : SingleStreamProjection<CooperativeSupervision, Guid>
{
    public override CooperativeSupervision? Evolve(CooperativeSupervision? snapshot, Guid id, IEvent e) => CooperativeSupervision.Fold(snapshot, e.Data);
}
