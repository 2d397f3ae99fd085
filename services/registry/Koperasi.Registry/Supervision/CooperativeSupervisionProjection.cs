using JasperFx.Events;
using Koperasi.Registry.Cooperatives;
using Marten;
using Marten.Events.Aggregation;

namespace Koperasi.Registry.Supervision;

/// <summary>
/// Keeps each koperasi's supervision state as a document in the same transaction as its events,
/// beside the <see cref="Cooperatives.Cooperative"/> document: the supervision endpoints fetch it
/// to decide, and the worklists and statistics query it.
/// </summary>
public sealed class CooperativeSupervisionProjection : SingleStreamProjection<CooperativeSupervision, Guid>
{
    public override async ValueTask<CooperativeSupervision?> EvolveAsync(
        CooperativeSupervision? snapshot, Guid id, IQuerySession session, IEvent e, CancellationToken cancellation)
    {
        if (snapshot is null && e.Data is not RegistrationRecorded)
        {
            // A koperasi registered before supervision existed has no document yet: it starts from the
            // stream's committed history (every stream of the Registry is a koperasi's, starting with
            // its registration), so its first new event leaves a complete document.
            var history = await session.Events.FetchStreamAsync(id, token: cancellation);
            snapshot = history.Where(h => h.Version < e.Version).Aggregate((CooperativeSupervision?)null, (state, h) => CooperativeSupervision.Fold(state, h.Data));
        }

        return CooperativeSupervision.Fold(snapshot, e.Data);
    }
}
