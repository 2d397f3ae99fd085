using System.Security.Claims;
using Koperasi.ServiceDefaults.Decisions;
using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Identity;
using Koperasi.ServiceDefaults.Time;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Koperasi.Transformation.Dissolutions;

/// <summary>Open a batch for the ministry from verified, announced government-path proposals.</summary>
public static class OpenDissolutionBatch
{
    public const int MaxCases = 1000;

    public sealed record Request
    {
        public required string Title { get; init; }
        public required IReadOnlyList<Guid> CaseIds { get; init; }
        public DateOnly? OpenedOn { get; init; }
    }

    public static void Map(RouteGroupBuilder batches) =>
        batches.MapPost("", Handle)
            .WithName("OpenDissolutionBatch")
            .RequireAuthorization(TransformationPolicies.Write)
            .WithSummary("Open a batch of dissolution proposals for the ministry")
            .WithDescription("title and caseIds (1 to 1000): each a government-path case verified and announced for the full period, not revived, a koperasi once. Answers 201 with the batch.")
            .Produces<DissolutionBatch>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Results<Created<DissolutionBatch>, ValidationProblem, ProblemHttpResult>> Handle(
        Request request, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, IOptions<DissolutionOptions> options,
        HttpResponse response, CancellationToken cancellationToken)
    {
        var v = new RequestValidation();
        v.Name(request.Title, "title", 200);
        v.Ids(request.CaseIds, "caseIds", MaxCases);
        v.Items(request.CaseIds, "caseIds", MaxCases, min: 1);
        v.OptionalDate(request.OpenedOn, "openedOn", FieldRules.EarliestCooperativeDate);
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var today = clock.Today();
        var openedOn = request.OpenedOn ?? today;
        var batchId = Guid.CreateVersion7();
        var opened = DissolutionBatch.Open(batchId, request.Title, openedOn, today);
        if (opened.Error is { } notOpened)
        {
            return notOpened.ToProblem();
        }

        var cases = (await session.LoadManyAsync<DissolutionCase>(cancellationToken, request.CaseIds.Distinct().ToArray())).ToDictionary(c => c.Id);
        var batch = opened.Events.Aggregate((DissolutionBatch?)null, DissolutionBatch.Fold)!;
        var events = opened.Events.ToList();
        for (var i = 0; i < request.CaseIds.Count; i++)
        {
            var field = $"caseIds[{i}]";
            if (!cases.TryGetValue(request.CaseIds[i], out var proposal))
            {
                return DomainError.Unprocessable("case-not-found", $"There is no dissolution case {request.CaseIds[i]}.", field).ToProblem();
            }

            if (!user.MayActOnRegency(proposal.RegencyCode))
            {
                return OutsideRegency.Problem(proposal.RegencyCode, field);
            }

            var added = batch.Add(proposal, today, options.Value);
            if (added.Error is { } refused)
            {
                return (refused with { Field = field, Detail = $"{proposal.Cooperative.Name}: {refused.Detail}" }).ToProblem();
            }

            events.AddRange(added.Events);
            batch = added.Events.Aggregate(batch, (b, e) => DissolutionBatch.Fold(b, e)!);
        }

        session.Events.StartStream<DissolutionBatch>(batchId, events);
        await session.SaveChangesAsync(cancellationToken);
        batch = batch with { Version = events.Count };
        response.SetETag(batch.Version);
        return TypedResults.Created($"/api/transformation/dissolution-batches/{batchId}", batch);
    }
}
