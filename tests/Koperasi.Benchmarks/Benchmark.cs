using System.Text.Json;
using Koperasi.Benchmarks.Engines;
using Koperasi.Registry.Demo;
using Koperasi.Testing;

namespace Koperasi.Benchmarks;

/// <summary>Everything one run found out, for the console and the Markdown report.</summary>
public sealed record BenchmarkResult(
    BenchmarkOptions Options,
    Machine Machine,
    string Server,
    SeedResult Seed,
    long DeltaRows,
    long StatisticsTotalToday,
    string PublishedFigures,
    IReadOnlyList<Timing> Timings,
    IReadOnlyList<QueryPlan> Plans,
    string LoadBefore,
    string LoadAfter,
    IReadOnlyList<EngineFigure> Engines,
    string EngineLoadBefore,
    string EngineLoadAfter,
    string? RegistrationProfile = null);

/// <summary>The calls a dashboard and a clerk make most, timed against the seeded register.</summary>
public static class Benchmark
{
    /// <summary>A word in many demo names, for the name search.</summary>
    public const string CommonWord = "makmur";

    private static readonly string[] PastDates = ["2000-01-01", "2015-06-30", "2022-12-31", "2025-08-29"];

    public static async Task<BenchmarkResult> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken)
    {
        var machine = Machine.Describe();
        System.Console.WriteLine($"Machine: {machine}");
        var database = new BenchmarkDatabase(options.Schema);
        var server = await database.ServerDescriptionAsync();
        System.Console.WriteLine($"PostgreSQL: {server}");
        var seed = await new Seeder(database, options).PrepareAsync(cancellationToken);
        var deltaRows = await database.DeltaRowCountAsync();
        System.Console.WriteLine($"Register: {seed.Cooperatives:N0} koperasi, {seed.Events:N0} events, {deltaRows:N0} rows in the statistics table.");

        var entityPrefix = $"bench-{TestInfrastructure.RunId}";
        var timings = new List<Timing>();
        long totalToday;
        string publishedFigures;
        string loadBefore;
        await using (var host = new BenchmarkHost(options.Schema, entityPrefix))
        {
            using var client = host.CreateClient();
            totalToday = await StatisticsTotalAsync(client, cancellationToken);
            publishedFigures = await PublishedFiguresAsync(client, seed.Cooperatives, cancellationToken);
            System.Console.WriteLine($"Checks: statistics total today {totalToday:N0}; published figures: {publishedFigures}.");
            var ids = await database.SampleIdsAsync(100);
            var timer = new EndpointTimer(client, options.Warmup, options.Iterations);
            loadBefore = Machine.LoadAverage();
            System.Console.WriteLine($"Timing {options.Iterations} requests per call after {options.Warmup} untimed:");
            timings.Add(await timer.TimeAsync("statistics, today", "/api/registry/statistics", cancellationToken));
            foreach (var date in PastDates)
            {
                timings.Add(await timer.TimeAsync($"statistics, asOf={date}", $"/api/registry/statistics?asOf={date}", cancellationToken));
            }

            timings.Add(await timer.TimeAsync("statistics, today, all five dimensions", "/api/registry/statistics?groupBy=regency,activity,type,form,supervisionLevel", cancellationToken));
            timings.Add(await timer.TimeAsync("statistics/regencies, asOf=2025-08-29", "/api/registry/statistics/regencies?asOf=2025-08-29", cancellationToken));
            await AsOfScenarios.TimeAsync(timer, timings, cancellationToken);
            timings.Add(await timer.TimeAsync("list, regency+activity, page 10", "/api/registry/cooperatives?regency=1571&activity=tidak-aktif&page=10", cancellationToken));
            timings.Add(await timer.TimeAsync($"list, q={CommonWord}", $"/api/registry/cooperatives?q={CommonWord}", cancellationToken));
            timings.Add(await timer.TimeAsync("one koperasi by id", i => $"/api/registry/cooperatives/{ids[i % ids.Count]}", cancellationToken));
        }

        var loadAfter = Machine.LoadAverage();
        System.Console.WriteLine($"Load average before timing {loadBefore}, after {loadAfter} ({machine.Cores} cores).");
        await BrokerAdmin.DeleteEntitiesAsync(entityPrefix);
        var plans = await QueryPlans.ExplainAsync(database, seed.Today);
        IReadOnlyList<EngineFigure> engines = [];
        string? profile = null;
        var engineLoadBefore = Machine.LoadAverage();
        if (options.Engines)
        {
            System.Console.WriteLine($"Against the raw engines, {options.Runs} runs each:");
            var engineBenchmark = new EngineBenchmark(database, options);
            engines = await engineBenchmark.RunAsync(seed, cancellationToken);
            profile = engineBenchmark.Profile;
        }

        var engineLoadAfter = Machine.LoadAverage();
        var result = new BenchmarkResult(options, machine, server, seed, deltaRows, totalToday, publishedFigures, timings, plans, loadBefore, loadAfter,
            engines, engineLoadBefore, engineLoadAfter, profile);
        if (options.Drop)
        {
            await database.DropSchemaAsync();
            System.Console.WriteLine($"Schema {options.Schema} dropped (--drop).");
        }

        return result;
    }

    /// <summary>
    /// A register of whole copies of the demo set must give the published table of its date times
    /// the number of copies, per regency: the copies' shifted dates changed no koperasi's activity.
    /// </summary>
    private static async Task<string> PublishedFiguresAsync(HttpClient client, long cooperatives, CancellationToken cancellationToken)
    {
        var targets = DemoTargets.Load();
        if (cooperatives % targets.Total != 0)
        {
            return $"not checked ({cooperatives:N0} is not a multiple of {targets.Total:N0})";
        }

        var copies = cooperatives / targets.Total;
        var url = $"/api/registry/statistics/regencies?asOf={targets.AsOf:yyyy-MM-dd}";
        await using var stream = await client.GetStreamAsync(new Uri(url, UriKind.Relative), cancellationToken);
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        var differences = document.RootElement.GetProperty("rows").EnumerateArray()
            .Select(row => (Code: row.GetProperty("regencyCode").GetString()!, Aktif: row.GetProperty("aktif").GetInt64(), TidakAktif: row.GetProperty("tidakAktif").GetInt64()))
            .Join(targets.Regencies, row => row.Code, target => target.Code, (row, target) => (row, target))
            .Where(x => x.row.Aktif != copies * x.target.Aktif || x.row.TidakAktif != copies * x.target.TidakAktif)
            .Select(x => $"{x.row.Code}: {x.row.Aktif}/{x.row.TidakAktif}, expected {copies * x.target.Aktif}/{copies * x.target.TidakAktif}")
            .ToList();
        return differences.Count == 0
            ? $"{copies} × the table of {targets.AsOf:yyyy-MM-dd}, every regency"
            : $"DIFFERENT from {copies} × the table of {targets.AsOf:yyyy-MM-dd}: {string.Join("; ", differences)}";
    }

    /// <summary>Every koperasi of the register existed by today, so today's total is a check that the projection saw them all.</summary>
    private static async Task<long> StatisticsTotalAsync(HttpClient client, CancellationToken cancellationToken)
    {
        await using var stream = await client.GetStreamAsync(new Uri("/api/registry/statistics", UriKind.Relative), cancellationToken);
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        return document.RootElement.GetProperty("total").GetInt64();
    }
}
