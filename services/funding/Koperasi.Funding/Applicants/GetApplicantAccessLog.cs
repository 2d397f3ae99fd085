using Koperasi.Funding.Applications;
using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.PersonalData;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Funding.Applicants;

/// <summary>
/// What the vault recorded of one applicant's personal data: every read in clear (who, in which
/// role, when, why) and the erasure, for admin-provinsi and the auditor who supervise its use
/// (UU PDP). It shows the record of the reads, never the data read.
/// </summary>
public static class GetApplicantAccessLog
{
    public sealed record Entry(DateTimeOffset At, string Kind, string Actor, string? Role, string Purpose);

    public sealed record Response(Guid ApplicantId, bool Erased, IReadOnlyList<Entry> Entries);

    public static void Map(RouteGroupBuilder funding) =>
        funding.MapGet("/applicants/{id:guid}/access-log", Handle)
            .WithName("GetApplicantAccessLog")
            .RequireAuthorization(FundingPolicies.ReadAccessLog)
            .WithTags("Personal data")
            .WithSummary("Who read an applicant's personal data")
            .WithDescription("Every read in clear (kind read: who, role, when, the purpose given) and the erasure (kind erasure, with its reason), oldest first. 404 for an unknown applicant.")
            .Produces<Response>()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(Guid id, IQuerySession session, CancellationToken cancellationToken)
    {
        var log = await session.OfPersonAsync(id, cancellationToken);
        // An applicant nobody has read yet has no entries: it is known by its card or its applications.
        if (log.Count == 0
            && await session.LoadAsync<ApplicantCard>(id, cancellationToken) is null
            && !await session.Query<Application>().AnyAsync(a => a.ApplicantId == id, cancellationToken))
        {
            return Problems.NotFound("applicant", id);
        }

        var entries = log.Select(a => new Entry(a.At, a.Kind, a.Actor, a.ActorRole, a.Purpose)).ToList();
        return TypedResults.Ok(new Response(id, entries.Any(e => e.Kind == PersonalDataAccessLog.Erasure), entries));
    }
}
