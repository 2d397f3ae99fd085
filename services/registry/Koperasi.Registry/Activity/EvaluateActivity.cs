using Koperasi.Registry.Cooperatives;
using Koperasi.ServiceDefaults.Persistence;
using Koperasi.ServiceDefaults.Time;
using Marten;
using Microsoft.Extensions.Options;

namespace Koperasi.Registry.Activity;

/// <summary>
/// Re-evaluates activity as time passes: finds the aktif koperasi whose last RAT is now too
/// long ago (an indexed query, not a scan of streams) and records their change. A dissolved
/// koperasi owes no RAT any more and is not looked at.
/// </summary>
public static class EvaluateActivity
{
    public sealed record Result(DateOnly Today, int Evaluated, int Changed);

    private const int BatchSize = 200;

    public static void Map(RouteGroupBuilder registry) =>
        registry.MapPost("/activity-evaluations", Handle)
            .WithName("EvaluateActivity")
            .RequireAuthorization(RegistryPolicies.Operate)
            .WithTags("Activity")
            .WithSummary("Re-evaluate activity now")
            .WithDescription("Runs the scheduled evaluation at once: every koperasi that the passing of time has made tidak aktif gets its activity change recorded.")
            .Produces<Result>();

    private static async Task<IResult> Handle(IDocumentStore store, TimeProvider clock, IOptions<ActivityPolicy> policy, CancellationToken cancellationToken) =>
        TypedResults.Ok(await RunAsync(store, clock.Today(), policy.Value, cancellationToken));

    public static async Task<Result> RunAsync(IDocumentStore store, DateOnly today, ActivityPolicy policy, CancellationToken cancellationToken)
    {
        var threshold = ActivityRule.InactiveBaselineThreshold(today, policy);
        var evaluated = new HashSet<Guid>();
        var changed = 0;
        while (true)
        {
            IReadOnlyList<Guid> due;
            await using (var query = store.QuerySession())
            {
                due = await query.Query<Cooperative>()
                    .Where(c => c.Activity == ActivityStatus.Aktif && c.ActivityBaselineYear <= threshold && c.Dissolution == null)
                    .OrderBy(c => c.Id)
                    .Select(c => c.Id)
                    .Take(BatchSize)
                    .ToListAsync(cancellationToken);
            }

            var fresh = due.Where(evaluated.Add).ToList();
            if (fresh.Count == 0)
            {
                return new Result(today, evaluated.Count, changed);
            }

            try
            {
                changed += await EvaluateAsync(store, fresh, today, policy, cancellationToken);
            }
            catch (JasperFx.ConcurrencyException)
            {
                // Someone changed one of them meanwhile (a RAT reported, another evaluation):
                // evaluate each on its own, on fresh state.
                foreach (var id in fresh)
                {
                    changed += await EvaluateOneAsync(store, id, today, policy, cancellationToken);
                }
            }
        }
    }

    private static async Task<int> EvaluateAsync(IDocumentStore store, IReadOnlyList<Guid> ids, DateOnly today, ActivityPolicy policy, CancellationToken cancellationToken)
    {
        await using var session = store.OpenSessionAs("system:activity-evaluator");
        var changed = 0;
        foreach (var id in ids)
        {
            var stream = await session.Events.FetchForWriting<Cooperative>(id, cancellationToken);
            var decision = stream.Aggregate!.EvaluateActivity(today, policy);
            if (decision.Events.Count > 0)
            {
                stream.AppendMany(decision.Events);
                changed++;
            }
        }

        await session.SaveChangesAsync(cancellationToken);
        return changed;
    }

    private static async Task<int> EvaluateOneAsync(IDocumentStore store, Guid id, DateOnly today, ActivityPolicy policy, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await EvaluateAsync(store, [id], today, policy, cancellationToken);
            }
            catch (JasperFx.ConcurrencyException) when (attempt < 3)
            {
                // Changed again while we looked: read it afresh.
            }
        }
    }
}
