using Koperasi.Contracts.Registry;
using Marten;

namespace Koperasi.Funding.Cooperatives;

// One consumer (and queue) per Registry contract the koperasi rule needs.

public sealed class CooperativeRegisteredConsumer(IDocumentStore store, TimeProvider clock) : CooperativeFactConsumer<CooperativeRegistered>(store, clock)
{
    protected override (Guid, object)? FactOf(CooperativeRegistered m) =>
        (m.CooperativeId, new CooperativeRegistrationNoted(m.CooperativeId, m.StreamVersion, m.Name, m.Address.RegencyCode, m.DecreeDate));
}

public sealed class CooperativeActivityChangedConsumer(IDocumentStore store, TimeProvider clock) : CooperativeFactConsumer<CooperativeActivityChanged>(store, clock)
{
    protected override (Guid, object)? FactOf(CooperativeActivityChanged m) =>
        (m.CooperativeId, new CooperativeActivityNoted(m.CooperativeId, m.StreamVersion, m.To, m.EffectiveOn));
}

public sealed class CooperativeDissolvedConsumer(IDocumentStore store, TimeProvider clock) : CooperativeFactConsumer<CooperativeDissolved>(store, clock)
{
    protected override (Guid, object)? FactOf(CooperativeDissolved m) =>
        (m.CooperativeId, new CooperativeDissolutionNoted(m.CooperativeId, m.StreamVersion, m.Reason, m.EffectiveOn));
}

public sealed class CooperativeAmendedConsumer(IDocumentStore store, TimeProvider clock) : CooperativeFactConsumer<CooperativeAmended>(store, clock)
{
    protected override (Guid, object)? FactOf(CooperativeAmended m) =>
        m.Name is null && m.Address is null
            ? null
            : (m.CooperativeId, new CooperativeProfileNoted(m.CooperativeId, m.StreamVersion, m.Name, m.Address?.RegencyCode));
}
