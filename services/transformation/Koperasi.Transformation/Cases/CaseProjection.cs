using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Koperasi.Transformation.Cases;

/// <summary>
/// Keeps each case's state as a document in the same transaction as its events: the write side
/// fetches it without replaying the stream, and lists filter on it.
/// </summary>
public sealed partial class CaseProjection : SingleStreamProjection<TransformationCase, Guid>
{
    public override TransformationCase? Evolve(TransformationCase? snapshot, Guid id, IEvent e) => TransformationCase.Fold(snapshot, e.Data);
}
