using Koperasi.Contracts.Transformation;
using Koperasi.Registry.Cooperatives;
using Koperasi.ServiceDefaults.Time;
using Marten;

namespace Koperasi.Registry.Messaging.Consumers;

/// <summary>
/// The dissolution case closed without dissolving (rejected or withdrawn): the register shows the
/// koperasi existing again. The officer's free-text reason stays in the case; the register keeps
/// the outcome and the rule.
/// </summary>
public sealed class RecordDissolutionCaseClosed(IDocumentStore store, TimeProvider clock, ILogger<RecordDissolutionCaseClosed> logger)
    : DissolutionStatusConsumer<DissolutionCaseClosed>(store, clock, logger)
{
    protected override (Guid CaseId, Guid CooperativeId, long CaseVersion) About(DissolutionCaseClosed message) =>
        (message.CaseId, message.CooperativeId, message.StreamVersion);

    protected override object? Decide(Cooperative cooperative, DissolutionCaseClosed message) =>
        cooperative.EndDissolutionCase(
            message.CaseId, message.Outcome, message.Rule,
            DateOnly.FromDateTime(message.OccurredAt.ToOffset(ProvinceCalendar.Wib).DateTime), message.StreamVersion);
}
