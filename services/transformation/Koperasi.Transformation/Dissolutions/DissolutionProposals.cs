using System.Security.Claims;
using JasperFx;
using Koperasi.ServiceDefaults.Decisions;
using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Identity;
using Koperasi.Transformation.Cases;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Transformation.Dissolutions;

/// <summary>
/// What both proposals do once the request is valid: load the koperasi's standing (register facts and
/// the claim on it), authorize its regency, decide, start the stream. The participation claim commits
/// with it: a koperasi in an open transformation or dissolution case answers 409, and so does the
/// second of two proposals at the same moment (on the claim's key).
/// </summary>
public static class DissolutionProposals
{
    public static async Task<Results<Created<DissolutionCase>, ValidationProblem, ProblemHttpResult>> OpenAsync(
        IDocumentSession session, ClaimsPrincipal user, HttpResponse response, Guid caseId, Guid cooperativeId,
        Func<Standing, Decision> decide, CancellationToken cancellationToken)
    {
        var standing = (await Proposals.StandingsAsync(session, [cooperativeId], cancellationToken))[cooperativeId];
        if (standing.Cooperative?.RegencyCode?.Value is { } regency && !user.MayActOnRegency(regency))
        {
            return OutsideRegency.Problem(regency, "cooperativeId");
        }

        var decision = decide(standing);
        if (decision.Error is { } error)
        {
            return error.ToProblem();
        }

        session.Events.StartStream<DissolutionCase>(caseId, decision.Events);
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (DocumentAlreadyExistsException clash) when (clash.DocumentType == typeof(ParticipationClaim))
        {
            return DomainError.Conflict(
                "cooperative-in-open-case",
                $"Koperasi {clash.Id} was just named in another open case; a koperasi takes part in one open case at a time.",
                "cooperativeId").ToProblem();
        }

        var opened = decision.Events.Aggregate((DissolutionCase?)null, DissolutionCase.Fold)! with { Version = decision.Events.Count };
        response.SetETag(opened.Version);
        return TypedResults.Created($"/api/transformation/dissolutions/{caseId}", opened);
    }
}
