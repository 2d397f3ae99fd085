using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Koperasi.Funding.Cooperatives;

/// <summary>Keeps each koperasi's standing as a document in the transaction that records a fact about it.</summary>
public sealed partial class CooperativeStandingProjection : SingleStreamProjection<CooperativeStanding, Guid>
{
    public override CooperativeStanding? Evolve(CooperativeStanding? snapshot, Guid id, IEvent e) => CooperativeStandingFold.Apply(snapshot, e.Data);
}
