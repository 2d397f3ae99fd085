using Koperasi.Contracts.Transformation;
using Koperasi.Registry.Cooperatives;
using Marten;

namespace Koperasi.Registry.Messaging.Consumers;

/// <summary>A dissolution case was opened: the register shows the koperasi dissolving, with the reason and the day it was proposed.</summary>
public sealed class RecordDissolving(IDocumentStore store, TimeProvider clock, ILogger<RecordDissolving> logger)
    : DissolutionStatusConsumer<DissolutionCaseOpened>(store, clock, logger)
{
    protected override (Guid CaseId, Guid CooperativeId, long CaseVersion) About(DissolutionCaseOpened message) =>
        (message.CaseId, message.CooperativeId, message.StreamVersion);

    protected override object? Decide(Cooperative cooperative, DissolutionCaseOpened message) =>
        PathOf(message.Path, message.CaseId) is { } reason
            ? cooperative.ProposeDissolution(message.CaseId, reason, message.ProposedOn, message.StreamVersion)
            : null;
}
