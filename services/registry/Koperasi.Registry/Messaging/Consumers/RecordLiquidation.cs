using Koperasi.Contracts.Transformation;
using Koperasi.Registry.Cooperatives;
using Marten;

namespace Koperasi.Registry.Messaging.Consumers;

/// <summary>
/// The dissolution was decided (members' meeting or ministry's decree): the register shows the
/// koperasi in liquidation, with the day and the decree number. It stays a legal entity until
/// the dissolution completes (<see cref="ApplyDissolution"/>).
/// </summary>
public sealed class RecordLiquidation(IDocumentStore store, TimeProvider clock, ILogger<RecordLiquidation> logger)
    : DissolutionStatusConsumer<DissolutionDecided>(store, clock, logger)
{
    protected override (Guid CaseId, Guid CooperativeId, long CaseVersion) About(DissolutionDecided message) =>
        (message.CaseId, message.CooperativeId, message.StreamVersion);

    protected override object? Decide(Cooperative cooperative, DissolutionDecided message) =>
        PathOf(message.Path, message.CaseId) is { } reason
            ? cooperative.StartLiquidation(message.CaseId, reason, message.DecidedOn, message.DecreeNumber, message.StreamVersion)
            : null;
}
