using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Koperasi.Funding.Programmes;

/// <summary>
/// Keeps each programme's state as a document in the same transaction as its events: decree
/// batches fetch it for writing without replaying the stream, and reads query it.
/// </summary>
public sealed partial class ProgrammeProjection : SingleStreamProjection<Programme, Guid>
{
    public override Programme? Evolve(Programme? snapshot, Guid id, IEvent e) => Programme.Fold(snapshot, e.Data);
}
