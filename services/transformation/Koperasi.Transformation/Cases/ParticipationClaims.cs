using JasperFx.Events;
using Marten;
using Koperasi.Transformation.Dissolutions;
using Marten.Events.Projections;

namespace Koperasi.Transformation.Cases;

/// <summary>
/// Stakes and releases the <see cref="ParticipationClaim"/>s from the case events themselves, inline (in
/// the transaction that appends them), so no handler that opens or closes a case can forget them. A
/// proposal inserts one claim per participant: a koperasi already claimed fails the commit on the key.
/// A dissolution case takes the same claim on its koperasi, so a koperasi is in at most one open case
/// of either kind; the koperasi it dissolves keeps its claim, ended.
/// </summary>
public sealed class ParticipationClaims : IProjection
{
    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        foreach (var e in events)
        {
            switch (e.Data)
            {
                case MergerProposed p:
                    Stake(operations, p.CaseId, [p.Survivor, .. p.Absorbed]);
                    break;
                case AmalgamationProposed p:
                    Stake(operations, p.CaseId, p.Participants);
                    break;
                case ArticlesAmendmentProposed p:
                    Stake(operations, p.CaseId, [p.Cooperative]);
                    break;
                case CaseCompleted c:
                    foreach (var id in c.CooperativeIds)
                    {
                        if (c.EndedCooperativeIds.Contains(id))
                        {
                            operations.Store(new ParticipationClaim(id, c.CaseId, Ended: true));
                        }
                        else
                        {
                            operations.Delete<ParticipationClaim>(id);
                        }
                    }

                    break;
                case CaseRejected r:
                    Release(operations, r.CooperativeIds);
                    break;
                case CaseWithdrawn w:
                    Release(operations, w.CooperativeIds);
                    break;
                case DissolutionProposedByMembers p:
                    operations.Insert(new ParticipationClaim(p.Cooperative.CooperativeId, p.CaseId, Ended: false));
                    break;
                case DissolutionProposedByGovernment p:
                    operations.Insert(new ParticipationClaim(p.Cooperative.CooperativeId, p.CaseId, Ended: false));
                    break;
                case LegalEntityExtinguished x:
                    operations.Store(new ParticipationClaim(x.CooperativeId, x.CaseId, Ended: true));
                    break;
                case DissolutionRejected r:
                    operations.Delete<ParticipationClaim>(r.CooperativeId);
                    break;
                case DissolutionWithdrawn w:
                    operations.Delete<ParticipationClaim>(w.CooperativeId);
                    break;
            }
        }

        return Task.CompletedTask;
    }

    private static void Stake(IDocumentOperations operations, Guid caseId, IEnumerable<Participant> participants)
    {
        foreach (var participant in participants)
        {
            operations.Insert(new ParticipationClaim(participant.CooperativeId, caseId, Ended: false));
        }
    }

    private static void Release(IDocumentOperations operations, IEnumerable<Guid> cooperativeIds)
    {
        foreach (var id in cooperativeIds)
        {
            operations.Delete<ParticipationClaim>(id);
        }
    }
}
