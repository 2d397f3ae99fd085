using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Koperasi.Funding.Applications;

/// <summary>Keeps each application's state as a document in the same transaction as its events.</summary>
public sealed partial class ApplicationProjection : SingleStreamProjection<Application, Guid>
{
    public override Application? Evolve(Application? snapshot, Guid id, IEvent e) => Application.Fold(snapshot, e.Data);
}
