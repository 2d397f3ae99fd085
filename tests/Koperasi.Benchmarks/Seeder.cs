using System.Diagnostics;
using Koperasi.Registry.Activity;
using Koperasi.Registry.Cooperatives;
using Koperasi.Registry.Statistics;
using Koperasi.ServiceDefaults.Persistence;
using Koperasi.ServiceDefaults.Time;

namespace Koperasi.Benchmarks;

/// <summary>What preparing the register took; null times for steps that were not needed.</summary>
public sealed record SeedResult(long Cooperatives, long Events, TimeSpan? SeedTime, TimeSpan? ProjectionTime, DateOnly Today);

/// <summary>
/// Fills the benchmark schema through the Registry's decision path (validation, the domain's
/// rules, activity evaluated up to today), then runs the statistics projection to the end of
/// the event log with Marten's projection daemon.
/// </summary>
public sealed class Seeder(BenchmarkDatabase database, BenchmarkOptions options)
{
    public const string Actor = "system:benchmark";

    public async Task<SeedResult> PrepareAsync(CancellationToken cancellationToken)
    {
        var today = TimeProvider.System.Today();
        var present = await database.CooperativeCountAsync();
        TimeSpan? seedTime = null;
        if (options.Reseed || present != options.Cooperatives)
        {
            if (present > 0)
            {
                System.Console.WriteLine(present == options.Cooperatives
                    ? $"Schema {database.Schema} holds {present:N0} koperasi; --reseed: dropping it."
                    : $"Schema {database.Schema} holds {present:N0} koperasi, not {options.Cooperatives:N0}: dropping it.");
            }

            await database.DropSchemaAsync();
            seedTime = await SeedAsync(today, cancellationToken);
        }
        else
        {
            System.Console.WriteLine($"Schema {database.Schema} already holds {present:N0} koperasi: seeding skipped (--reseed forces it).");
        }

        TimeSpan? projectionTime = null;
        if (seedTime is not null || options.Rebuild || options.Measures("P3") || !await database.StatisticsCaughtUpAsync())
        {
            projectionTime = await RebuildStatisticsAsync(cancellationToken);
        }
        else
        {
            System.Console.WriteLine("The statistics projection is caught up: rebuild skipped (--rebuild or the engine figures force it).");
        }

        await database.AnalyzeAsync();
        return new SeedResult(await database.CooperativeCountAsync(), await database.EventCountAsync(), seedTime, projectionTime, today);
    }

    private async Task<TimeSpan> SeedAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var policy = new ActivityPolicy();
        using var store = database.BuildStore();
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        System.Console.WriteLine($"Seeding {options.Cooperatives:N0} koperasi as of {today:yyyy-MM-dd} in batches of {options.BatchSize:N0}...");
        var watch = Stopwatch.StartNew();
        var registered = 0;
        foreach (var batch in ScaledRegister.Generate(options.Cooperatives, today).Chunk(options.BatchSize))
        {
            await using var session = store.OpenSessionAs(Actor);
            foreach (var request in batch)
            {
                if (!Register.Validate(request).IsValid)
                {
                    throw new InvalidOperationException($"The registration of {request.LegalEntity.DecreeNumber} is invalid.");
                }

                var outcome = await Register.DecideInSessionAsync(session, Register.ToCommand(request, Guid.CreateVersion7()), today, policy, cancellationToken);
                if (outcome.Error is { } error)
                {
                    throw new InvalidOperationException($"Koperasi {request.LegalEntity.DecreeNumber} was rejected: {error.Rule}.");
                }
            }

            await session.SaveChangesAsync(cancellationToken);
            registered += batch.Length;
            if (registered % 10_000 < options.BatchSize || registered == options.Cooperatives)
            {
                System.Console.WriteLine($"  {registered,9:N0} registered, {watch.Elapsed.TotalSeconds,7:F1} s");
            }
        }

        return watch.Elapsed;
    }

    /// <summary>
    /// A rebuild: the daemon clears the projection's table and timelines, then replays every
    /// event through it and returns once it has reached the high-water mark.
    /// </summary>
    private async Task<TimeSpan> RebuildStatisticsAsync(CancellationToken cancellationToken)
    {
        using var store = database.BuildStore();
        System.Console.WriteLine($"Running the statistics projection over {await database.EventCountAsync():N0} events...");
        var watch = Stopwatch.StartNew();
        using var daemon = await store.BuildProjectionDaemonAsync();
        await daemon.RebuildProjectionAsync(StatisticsProjection.ProjectionName, TimeSpan.FromHours(1), cancellationToken);
        var elapsed = watch.Elapsed;
        System.Console.WriteLine($"  caught up in {elapsed.TotalSeconds:F1} s");
        return elapsed;
    }
}
