using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Koperasi.Transformation.Dissolutions;

/// <summary>Each dissolution case's state as a document, written with its events.</summary>
public sealed partial class DissolutionCaseProjection : SingleStreamProjection<DissolutionCase, Guid>
{
    public override DissolutionCase? Evolve(DissolutionCase? snapshot, Guid id, IEvent e) => DissolutionCase.Fold(snapshot, e.Data);
}

/// <summary>Each batch's state as a document, written with its events.</summary>
public sealed partial class DissolutionBatchProjection : SingleStreamProjection<DissolutionBatch, Guid>
{
    public override DissolutionBatch? Evolve(DissolutionBatch? snapshot, Guid id, IEvent e) => DissolutionBatch.Fold(snapshot, e.Data);
}
