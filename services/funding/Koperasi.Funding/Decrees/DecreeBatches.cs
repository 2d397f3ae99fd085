using Koperasi.Funding.Applications;
using Koperasi.Funding.Cooperatives;
using Koperasi.Funding.Programmes;
using Koperasi.ServiceDefaults.Decisions;
using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Time;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Funding.Decrees;

/// <summary>
/// Issue a decree batch. The programme's stream is the consistency boundary: the batch is appended
/// to it, with every application's decree, in one transaction that holds the programme's stream
/// locked from its read to its commit (ADR 0029). Batches decided at once wait for each other and
/// each is decided on the programme as the one before left it, so the budget and the quotas hold
/// however many officers decide together, and none is refused for a race it lost.
/// </summary>
public static class DecreeBatches
{
    public const int MaxApplications = 5000;

    public sealed record Request(string DecreeNumber, DateOnly DecreeDate, IReadOnlyList<Guid> ApplicationIds);

    public sealed record Response(Guid BatchId, Guid ProgrammeId, string DecreeNumber, DateOnly DecreeDate, int Recipients, decimal Amount, BudgetFigures Budget);

    public static void Map(RouteGroupBuilder programmes) =>
        programmes.MapPost("/{id:guid}/decree-batches", Handle)
            .WithName("IssueDecreeBatch")
            .RequireAuthorization(FundingPolicies.Decide)
            .WithSummary("Decree a batch of grants")
            .WithDescription("Grants eligible applications of the programme by one decree (number and date). A batch that would exceed the budget or a regency's quota, or names an application that cannot be decreed (not eligible, of another programme, its koperasi not aktif in the Registry, another grant the rules forbid), is refused whole with the figures. Batches decided at the same moment are decided one after the other on the programme as the one before left it. Requires If-Match with the programme's ETag (428 without it); an ETag that only other decree batches have passed since is accepted, and 409 answers one from before a change of the programme itself (budget, categories, quotas, eligibility, schedule) or an application changed meanwhile.")
            .Produces<Response>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

    private static Task<Results<Created<Response>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Request request, IDocumentSession session, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        DecreeBatchRefusal? refused = null;
        DecreeBatchIssued? issued = null;
        var streams = new Dictionary<Guid, JasperFx.Events.IEventStream<Application>>();
        Dictionary<Guid, Application?> applications = [];
        Guid[] cooperativeIds = [];
        Dictionary<Guid, CooperativeReplica> standings = [];
        return ProgrammeSteps.DecreeStep.RunAsync(
            id, http, session,
            async programme =>
            {
                // Read on the locked programme: a batch that committed before the lock may have granted an applicant here.
                var grantsHeld = await GrantsHeldQuery.ForAsync(
                    session, [.. applications.Values.OfType<Application>().Select(a => a.ApplicantId)], cancellationToken);
                var command = new IssueDecreeBatch(Guid.CreateVersion7(), request.DecreeNumber.Trim(), request.DecreeDate, request.ApplicationIds);
                var numbersUsed = await DecreeBatch.UsedAsync(session, id, [command.DecreeNumber], cancellationToken);
                var outcome = programme.IssueDecreeBatch(
                    command, applications, cooperativeIds.ToDictionary(c => c, c => standings.GetValueOrDefault(c)), grantsHeld, numbersUsed, clock.Today());
                if (outcome.Refusal is { } refusal)
                {
                    refused = refusal;
                    return Decision.Reject(new DomainError(refusal.Rule, refusal.Detail, refusal.Kind));
                }

                issued = outcome.Batch!;
                foreach (var (applicationId, decree) in outcome.ApplicationEvents)
                {
                    streams[applicationId].AppendOne(decree);
                }

                return Decision.Accept(issued);
            },
            step => Task.FromResult(TypedResults.Created(
                $"/api/funding/programmes/{id}",
                new Response(issued!.BatchId, id, issued.DecreeNumber, issued.DecreeDate, issued.Grants.Count, issued.Grants.Sum(g => g.Amount),
                    new BudgetFigures(step.After.Budget, step.After.DecreedAmount, 0, step.After.RemainingBudget)))),
            Validate(request),
            refuse: error => refused is { } refusal ? DecreeBatchRefused.Problem(refusal) : error.ToProblem(),
            // The applications and their koperasi, read before the programme is locked: they do not depend on it, and
            // each application is appended at the version read here (a decree or another step on it meanwhile: 409).
            prepare: async () =>
            {
                foreach (var applicationId in request.ApplicationIds)
                {
                    streams[applicationId] = await session.Events.FetchForWriting<Application>(applicationId, cancellationToken);
                }

                applications = streams.ToDictionary(s => s.Key, s => s.Value.Aggregate);
                var present = applications.Values.OfType<Application>().ToList();
                cooperativeIds = [.. present.Select(a => a.CooperativeId).OfType<Guid>().Distinct()];
                standings = cooperativeIds.Length == 0
                    ? []
                    : (await session.LoadManyAsync<CooperativeReplica>(cancellationToken, cooperativeIds)).ToDictionary(s => s.Id);
            });
    }

    private static RequestValidation Validate(Request request)
    {
        var v = new RequestValidation();
        v.Code(request.DecreeNumber, "decreeNumber", 100);
        v.Check(request.ApplicationIds.Count is > 0 and <= MaxApplications, "applicationIds", $"Between 1 and {MaxApplications} applications.");
        v.Check(request.ApplicationIds.Distinct().Count() == request.ApplicationIds.Count, "applicationIds", "Each application once.");
        return v;
    }
}
