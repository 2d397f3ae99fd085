using System.Security.Claims;
using JasperFx;
using Koperasi.ServiceDefaults.Decisions;
using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Identity;
using Koperasi.Transformation.Cooperatives;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Transformation.Cases;

/// <summary>What every proposal does once its request is valid: load, authorize, decide, start the stream, commit.</summary>
public static class Proposals
{
    /// <summary>Most koperasi a case names: more would be a mistake, not a transformation.</summary>
    public const int MaxParticipants = 50;

    /// <summary>A koperasi a proposal names, and the request field that names it.</summary>
    public sealed record Named(Guid Id, string Field);

    /// <summary>
    /// Loads what the register said of each named koperasi and which case holds it, checks that the
    /// caller may act on every regency the case touches, lets the case decide, and starts its stream.
    /// The claims on the participants commit with it: of two proposals naming one koperasi at the
    /// same moment the second fails on the claim's key and answers 409.
    /// </summary>
    public static async Task<Results<Created<CaseResponse>, ValidationProblem, ProblemHttpResult>> OpenCaseAsync(
        IDocumentSession session,
        ClaimsPrincipal user,
        HttpResponse response,
        Guid caseId,
        IReadOnlyList<Named> named,
        (string RegencyCode, string Field)? otherRegency,
        Func<IReadOnlyDictionary<Guid, Standing>, Decision> decide,
        CancellationToken cancellationToken)
    {
        var standings = await StandingsAsync(session, named.Select(n => n.Id), cancellationToken);
        var regencies = named
            .Select(n => (RegencyCode: standings[n.Id].Cooperative?.RegencyCode?.Value, n.Field))
            .Append(otherRegency is { } other ? (other.RegencyCode, other.Field) : (null, ""));
        if (regencies.FirstOrDefault(r => r.RegencyCode is { } code && !user.MayActOnRegency(code)) is { RegencyCode: { } outside } refused)
        {
            return OutsideRegency.Problem(outside, refused.Field);
        }

        var decision = decide(standings);
        if (decision.Error is { } error)
        {
            return error.ToProblem();
        }

        session.Events.StartStream<TransformationCase>(caseId, decision.Events);
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (DocumentAlreadyExistsException clash) when (clash.DocumentType == typeof(ParticipationClaim))
        {
            var field = named.FirstOrDefault(n => Equals(n.Id, clash.Id))?.Field;
            return DomainError.Conflict(
                "cooperative-in-open-case",
                $"Koperasi {clash.Id} was just named in another open case; a koperasi takes part in one open case at a time.",
                field).ToProblem();
        }

        var opened = decision.Events.Aggregate((TransformationCase?)null, TransformationCase.Fold)! with { Version = decision.Events.Count };
        response.SetETag(opened.Version);
        return TypedResults.Created($"/api/transformation/cases/{caseId}", CaseResponse.From(opened));
    }

    /// <summary>The standing of each koperasi: its register facts as held here, and the claim on it.</summary>
    public static async Task<IReadOnlyDictionary<Guid, Standing>> StandingsAsync(IQuerySession session, IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var distinct = ids.Distinct().ToArray();
        var known = (await session.LoadManyAsync<KnownCooperative>(cancellationToken, distinct)).ToDictionary(c => c.Id);
        var claims = (await session.LoadManyAsync<ParticipationClaim>(cancellationToken, distinct)).ToDictionary(c => c.Id);
        return distinct.ToDictionary(id => id, id => new Standing(known.GetValueOrDefault(id), claims.GetValueOrDefault(id)));
    }
}
