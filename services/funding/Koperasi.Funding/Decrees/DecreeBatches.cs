using Koperasi.Funding.Applications;
using Koperasi.Funding.Cooperatives;
using Koperasi.Funding.Programmes;
using Koperasi.ServiceDefaults.Decisions;
using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Streams;
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
        Guid id, Request request, IDocumentSession session, TimeProvider clock, HttpContext http)
    {
        var batch = new Batch(new IssueDecreeBatch(Guid.CreateVersion7(), request.DecreeNumber?.Trim() ?? "", request.DecreeDate, request.ApplicationIds ?? []), clock.Today());
        return Group.RunAsync(
            id, http, session, batch,
            step => TypedResults.Created(
                $"/api/funding/programmes/{id}",
                new Response(batch.Issued!.BatchId, id, batch.Issued.DecreeNumber, batch.Issued.DecreeDate, batch.Issued.Grants.Count, batch.Issued.Grants.Sum(g => g.Amount),
                    new BudgetFigures(step.After.Budget, step.After.DecreedAmount, 0, step.After.RemainingBudget))),
            Validate(request),
            refuse: error => batch.Refused is { } refusal ? DecreeBatchRefused.Problem(refusal) : error.ToProblem());
    }

    /// <summary>Batches on one programme, committed together when they arrive together (ADR 0030).</summary>
    private static readonly GroupCommit<Programme, Batch, Reads> Group = new(ProgrammeSteps.DecreeStep, new Grouped());

    /// <summary>One officer's batch, and what the programme decided about it.</summary>
    private sealed class Batch(IssueDecreeBatch command, DateOnly today)
    {
        public IssueDecreeBatch Command { get; } = command;

        public DateOnly Today { get; } = today;

        public DecreeBatchIssued? Issued { get; set; }

        public DecreeBatchRefusal? Refused { get; set; }
    }

    /// <summary>
    /// What the batches of a group read together: the applications (their inline documents, with
    /// their versions) and their koperasi before the lock; under it, the grants the applicants hold and
    /// the decree numbers used. Each batch decreed changes them for the batches after it.
    /// </summary>
    private sealed class Reads
    {
        public required Dictionary<Guid, Application> Applications { get; init; }

        public required IReadOnlyDictionary<Guid, CooperativeReplica?> Cooperatives { get; init; }

        public Dictionary<Guid, IReadOnlyList<GrantHeld>> GrantsHeld { get; set; } = [];

        public HashSet<string> NumbersUsed { get; } = new(StringComparer.OrdinalIgnoreCase);
    }

    private sealed class Grouped : IGroupedStep<Programme, Batch, Reads>
    {
        public async Task<Reads> ReadAsync(IDocumentSession session, IReadOnlyList<Batch> members, CancellationToken cancellationToken)
        {
            var ids = members.SelectMany(m => m.Command.ApplicationIds).Distinct().ToArray();
            var applications = (await session.LoadManyAsync<Application>(cancellationToken, ids)).ToDictionary(a => a.Id);
            var cooperativeIds = applications.Values.Select(a => a.CooperativeId).OfType<Guid>().Distinct().ToArray();
            var cooperatives = cooperativeIds.Length == 0
                ? []
                : (await session.LoadManyAsync<CooperativeReplica>(cancellationToken, cooperativeIds)).ToDictionary(c => c.Id, c => (CooperativeReplica?)c);
            return new Reads { Applications = applications, Cooperatives = cooperatives };
        }

        public async Task ReadLockedAsync(IDocumentSession session, Guid id, Reads group, IReadOnlyList<Batch> members, CancellationToken cancellationToken)
        {
            // On the locked programme: a batch committed before the lock may have granted an applicant here, or used a number.
            // Both in one round trip.
            var reads = session.CreateBatchQuery();
            var holding = reads.Query<Application>().Where(GrantsHeldQuery.HeldBy([.. group.Applications.Values.Select(a => a.ApplicantId)])).ToList();
            var numbered = reads.Query<DecreeBatch>().Where(DecreeBatch.Numbered(id, members.Select(m => m.Command.DecreeNumber))).ToList();
            await reads.Execute(cancellationToken);
            group.GrantsHeld = GrantsHeldQuery.ByApplicant(await holding);
            group.NumbersUsed.UnionWith((await numbered).Select(b => b.DecreeNumber));
        }

        public Decision Decide(Programme current, Batch member, Reads group, IDocumentSession session)
        {
            var command = member.Command;
            var outcome = current.IssueDecreeBatch(
                command,
                command.ApplicationIds.ToDictionary(a => a, a => group.Applications.GetValueOrDefault(a)),
                group.Cooperatives,
                group.GrantsHeld,
                group.NumbersUsed,
                member.Today);
            if (outcome.Refusal is { } refusal)
            {
                member.Refused = refusal;
                return Decision.Reject(new DomainError(refusal.Rule, refusal.Detail, refusal.Kind));
            }

            member.Issued = outcome.Batch!;
            foreach (var (applicationId, decree) in outcome.ApplicationEvents)
            {
                // Appended at the version read: a decree or another step on the application meanwhile fails the commit.
                var application = group.Applications[applicationId];
                session.AppendAt(applicationId, application.Version, decree);
                var decreed = Application.Fold(application, decree)! with { Version = application.Version + 1 };
                group.Applications[applicationId] = decreed;
                group.GrantsHeld[decreed.ApplicantId] = [.. group.GrantsHeld.GetValueOrDefault(decreed.ApplicantId) ?? [], new GrantHeld(decreed.Id, decreed.ProgrammeId, decreed.ProgrammeYear)];
            }

            group.NumbersUsed.Add(command.DecreeNumber);
            return Decision.Accept(member.Issued);
        }
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
