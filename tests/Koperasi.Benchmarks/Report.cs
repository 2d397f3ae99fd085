using System.Globalization;
using System.Text;
using Koperasi.Benchmarks.Engines;

namespace Koperasi.Benchmarks;

/// <summary>The results as a plain table for the console and as Markdown for docs/benchmarks.</summary>
public static class Report
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Table(BenchmarkResult result)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant, $"{"call",-44} {"p50 ms",9} {"p95 ms",9} {"max ms",9} {"bytes",9}");
        text.AppendLine(new string('-', 84));
        foreach (var t in result.Timings)
        {
            text.AppendLine(Invariant, $"{t.Name,-44} {t.P50,9:F1} {t.P95,9:F1} {t.Max,9:F1} {t.Bytes,9:N0}");
        }

        if (result.Engines.Count > 0)
        {
            text.AppendLine();
            text.AppendLine(Invariant, $"{"figure",-70} {"platform",12} {"raw",12} {"share",7}  target");
            text.AppendLine(new string('-', 120));
            foreach (var f in result.Engines)
            {
                text.AppendLine(Invariant, $"{f.Id + " " + f.Name,-70} {Figure(f.Platform, f.Unit),12} {(f.Raw is { } raw ? Figure(raw, f.Unit) : ""),12} {(f.Share is { } share ? share.ToString("P1", Invariant) : ""),7}  {f.Target}: {Verdict(f)}");
            }
        }

        return text.ToString();
    }

    public static string Markdown(BenchmarkResult result, DateTimeOffset runAt, string? commit)
    {
        var seed = result.Seed;
        var md = new StringBuilder();
        md.AppendLine(Invariant, $"# Registry benchmark, {runAt:yyyy-MM-dd}");
        md.AppendLine();
        md.AppendLine(Invariant, $"Written by `tests/Koperasi.Benchmarks` (see [README](README.md)) at {runAt:yyyy-MM-dd HH:mm} UTC{(commit is null ? "" : $", commit `{commit}`")}.");
        md.AppendLine(Invariant, $"Arguments: `--cooperatives {result.Options.Cooperatives} --iterations {result.Options.Iterations} --warmup {result.Options.Warmup}`.");
        md.AppendLine();
        md.AppendLine("## Machine");
        md.AppendLine();
        md.AppendLine(Invariant, $"- {result.Machine.Cores} cores: {result.Machine.Cpu}");
        md.AppendLine(Invariant, $"- {result.Machine.MemoryGiB:F1} GiB memory; {result.Machine.OperatingSystem}; {result.Machine.Runtime}");
        md.AppendLine(Invariant, $"- {result.Server}");
        md.AppendLine("- PostgreSQL, the harness and the hosted Registry share the machine; requests go through the in-process test server (no network).");
        md.AppendLine(Invariant, $"- Load average (1, 5, 15 min) when timing began: {result.LoadBefore}; when it ended: {result.LoadAfter}. Above the number of cores, other work was competing for them.");
        md.AppendLine();
        md.AppendLine("## Register");
        md.AppendLine();
        md.AppendLine("| | |");
        md.AppendLine("|---|---|");
        md.AppendLine(Invariant, $"| koperasi | {seed.Cooperatives:N0} |");
        md.AppendLine(Invariant, $"| events | {seed.Events:N0} |");
        md.AppendLine(Invariant, $"| seed (decision path, batches of {result.Options.BatchSize:N0}) | {Duration(seed.SeedTime)} |");
        md.AppendLine(Invariant, $"| statistics projection, rebuilt to the end of the log | {Duration(seed.ProjectionTime)} |");
        md.AppendLine(Invariant, $"| rows in `registry_statistics_delta` | {result.DeltaRows:N0} |");
        md.AppendLine(Invariant, $"| statistics total today (must equal the koperasi) | {result.StatisticsTotalToday:N0} |");
        md.AppendLine(Invariant, $"| aktif / tidak aktif per regency on the published date | {result.PublishedFigures} |");
        md.AppendLine();
        md.AppendLine("## Latency");
        md.AppendLine();
        md.AppendLine(Invariant, $"{result.Options.Iterations} sequential requests per call after {result.Options.Warmup} untimed ones; milliseconds, from sending the request to reading the last byte.");
        md.AppendLine();
        md.AppendLine("| call | p50 | p95 | max | mean | bytes |");
        md.AppendLine("|---|--:|--:|--:|--:|--:|");
        foreach (var t in result.Timings)
        {
            md.AppendLine(Invariant, $"| {t.Name} <br>`GET {t.Url}` | {t.P50:F1} | {t.P95:F1} | {t.Max:F1} | {t.Mean:F1} | {t.Bytes:N0} |");
        }

        if (result.Engines.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("## Against the raw engines");
            md.AppendLine();
            md.AppendLine(Invariant, $"Each figure beside its raw anchor, measured in this run on this machine; the median of {result.Options.Runs} runs where cheap. Load average (1, 5, 15 min) when these began: {result.EngineLoadBefore}; when they ended: {result.EngineLoadAfter}.");
            md.AppendLine(Invariant, $"Arguments: `--runs {result.Options.Runs} --connections {result.Options.Connections} --command-seconds {result.Options.CommandSeconds} --iterations {result.Options.Iterations} --steady-rate {result.Options.SteadyRate} --steady-seconds {result.Options.SteadySeconds} --burst {result.Options.Burst}{(result.Options.Figures.Count < BenchmarkOptions.AllFigures.Count ? $" --figures {string.Join(',', result.Options.Figures.Order(StringComparer.Ordinal))}" : "")}`.");
            md.AppendLine();
            md.AppendLine("| | figure | platform | raw anchor | share of raw | target | met | runs |");
            md.AppendLine("|---|---|--:|---|--:|---|---|---|");
            foreach (var f in result.Engines)
            {
                var raw = f.Raw is { } r ? $"{Figure(r, f.Unit)}: {f.RawName}" : "";
                md.AppendLine(Invariant, $"| {f.Id} | {f.Name} | {Figure(f.Platform, f.Unit)} | {raw} | {(f.Share is { } share ? share.ToString("P1", Invariant) : "")} | {f.Target} | {Verdict(f)} | {f.Detail} |");
            }
        }

        if (result.RegistrationProfile is { } profile)
        {
            md.AppendLine();
            md.AppendLine("## Where a registration's time goes");
            md.AppendLine();
            md.AppendLine("The spans the Registry emits (ASP.NET Core's request, Npgsql's round trips), collected in the harness's process during P1.");
            md.AppendLine();
            md.Append(profile);
        }

        md.AppendLine();
        md.AppendLine("## Plans");
        foreach (var plan in result.Plans)
        {
            md.AppendLine();
            md.AppendLine(Invariant, $"### {plan.Name}");
            md.AppendLine();
            md.AppendLine("```sql");
            md.AppendLine(plan.Sql.Trim());
            md.AppendLine("```");
            md.AppendLine();
            md.AppendLine("```");
            md.AppendLine(plan.Plan);
            md.AppendLine("```");
        }

        return md.ToString();
    }

    private static string Figure(double value, string unit) =>
        unit == "ms" ? string.Create(Invariant, $"{value:F1} ms") : unit == "s" ? string.Create(Invariant, $"{value:F2} s") : string.Create(Invariant, $"{value:N0} {unit}");

    private static string Verdict(EngineFigure figure) => figure.Met switch
    {
        true => "yes",
        false => "no",
        null => "",
    };

    private static string Duration(TimeSpan? time) => time is { } t
        ? t.TotalSeconds >= 120 ? string.Create(Invariant, $"{t.TotalMinutes:F1} min") : string.Create(Invariant, $"{t.TotalSeconds:F1} s")
        : "not needed (already done)";
}
