using JasperFx.Events;
using Koperasi.ServiceDefaults.Http;
using Public = Koperasi.Contracts.Transformation;

namespace Koperasi.Transformation.Dissolutions;

/// <summary>
/// The map from the dissolution's private events to its public contracts: case opened, decided,
/// completed (the koperasi dissolved), closed without dissolving; batch sent, answer received.
/// <see cref="Messaging.TransformationIntegrationEvents"/> is to delegate to it when the relay publishes them.
/// </summary>
public static class DissolutionIntegrationEvents
{
    public static IReadOnlyCollection<Type> PublishedEventTypes { get; } =
    [
        typeof(DissolutionProposedByMembers), typeof(DissolutionProposedByGovernment), typeof(DissolutionDecided),
        typeof(LegalEntityExtinguished), typeof(DissolutionRejected), typeof(DissolutionWithdrawn),
        typeof(DissolutionBatchSent), typeof(MinistryAnswerReceived),
    ];

    public static object? Map(IEvent committed) => committed.Data switch
    {
        DissolutionProposedByMembers e => Opened(committed, e.CaseId, e.Cooperative, DissolutionPath.MembersMeeting, e.ProposedOn),
        DissolutionProposedByGovernment e => Opened(committed, e.CaseId, e.Cooperative, DissolutionPath.Government, e.ProposedOn),
        DissolutionDecided e => new Public.DissolutionDecided(
            e.CaseId, committed.Version, committed.Timestamp, e.CooperativeId, KebabEnum.Name(e.Path), e.DecidedOn, e.DecreeNumber),
        LegalEntityExtinguished e => new Public.DissolutionCompleted(
            e.CaseId, committed.Version, committed.Timestamp, e.CooperativeId, KebabEnum.Name(e.Path), e.EffectiveOn),
        DissolutionRejected e => new Public.DissolutionCaseClosed(
            e.CaseId, committed.Version, committed.Timestamp, e.CooperativeId, "rejected", e.Rule, e.Reason),
        DissolutionWithdrawn e => new Public.DissolutionCaseClosed(
            e.CaseId, committed.Version, committed.Timestamp, e.CooperativeId, "withdrawn", "withdrawn", e.Reason),
        DissolutionBatchSent e => new Public.DissolutionBatchSent(
            e.BatchId, committed.Version, committed.Timestamp, e.SentOn, [.. e.Proposals.Select(p => new Public.DissolutionBatchItem(p.CaseId, p.CooperativeId, p.RegencyCode))]),
        MinistryAnswerReceived e => new Public.DissolutionAnswerReceived(
            e.BatchId, committed.Version, committed.Timestamp, e.CaseId, e.Answer.CooperativeId, KebabEnum.Name(e.Answer.Kind),
            e.Answer.DecreeNumber, e.Answer.DecreeDate, e.Answer.Reason, e.Answer.Documents ?? []),
        _ => null,
    };

    private static Public.DissolutionCaseOpened Opened(IEvent committed, Guid caseId, DissolvingCooperative cooperative, DissolutionPath path, DateOnly proposedOn) => new(
        caseId, committed.Version, committed.Timestamp, cooperative.CooperativeId, cooperative.RegencyCode, KebabEnum.Name(path), proposedOn);
}
