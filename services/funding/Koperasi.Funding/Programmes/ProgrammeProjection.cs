using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Koperasi.Funding.Programmes;

/// <summary>
/// Keeps each programme's state as a document in the same transaction as its events: decree
/// batches fetch it for writing without replaying the stream, and reads query it. It records the
/// version of the last event that was not a decree batch (<see cref="Programme.TermsVersion"/>).
/// </summary>
public sealed partial class ProgrammeProjection : SingleStreamProjection<Programme, Guid>
{
    public override Programme? Evolve(Programme? snapshot, Guid id, IEvent e) => Programme.Fold(snapshot, e.Data) switch
    {
        null => null,
        { } next when e.Data is DecreeBatchIssued => next,
        { } next => next with { TermsVersion = e.Version > 0 ? e.Version : null },
    };
}
