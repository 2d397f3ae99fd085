using System.Globalization;
using System.Text.RegularExpressions;
using Koperasi.Testing;

namespace Koperasi.Benchmarks.Tests;

/// <summary>
/// The benchmark harness run as its README runs it, at a tiny size (a few hundred koperasi, one run
/// of each engine figure, seconds): it must exit cleanly and write its report with the machine, every
/// timed call and every figure beside its raw anchor. The numbers are not judged here (a shared,
/// loaded machine); that they were measured is.
/// </summary>
public sealed partial class HarnessRunsTests : IDisposable
{
    private readonly string _output = Path.Combine(Path.GetTempPath(), $"koperasi-bench-{TestInfrastructure.RunId}");

    [Fact]
    public async Task A_tiny_run_writes_its_report_with_every_figure()
    {
        var exit = await BenchmarkProgram.Main(
        [
            "--cooperatives", "120", "--schema", $"bench_{TestInfrastructure.RunId}", "--drop",
            "--iterations", "3", "--warmup", "1", "--runs", "1", "--command-seconds", "1",
            "--steady-seconds", "1", "--steady-rate", "20", "--burst", "20",
            "--output", _output,
        ]);

        exit.ShouldBe(0);
        var report = File.ReadAllText(Directory.GetFiles(_output, "registry-*.md").ShouldHaveSingleItem());
        report.ShouldContain("## Machine");
        report.ShouldContain("Load average");
        report.ShouldContain("| koperasi | 120 |");
        foreach (var call in new[] { "statistics, today", "list, regency+activity, page 10", "one koperasi by id" })
        {
            report.ShouldContain($"| {call} <br>");
        }

        report.ShouldContain("## Where a registration's time goes");
        report.ShouldContain("| in PostgreSQL round trips");
        FigureRow(report, "P1", "registrations through the gateway").ShouldBe((true, true));
        FigureRow(report, "P1", "one registration, one connection").ShouldBe((true, false));
        FigureRow(report, "P3", "statistics projection rebuilt").ShouldBe((true, false));
        FigureRow(report, "P4", "relay catching up a backlog").ShouldBe((true, true));
        FigureRow(report, "P2", "propagation to Funding's read model, idle: p50").ShouldBe((true, true));
        FigureRow(report, "P2", "propagation to Funding's read model at 20/s: p99").ShouldBe((true, true));
        FigureRow(report, "P2", "burst of 20 registrations delivered to every consumer").ShouldBe((true, true));
        FigureRow(report, "P5", "decree batches on one programme").ShouldBe((true, true));
    }

    public void Dispose()
    {
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }
    }

    /// <summary>Whether the figure's row holds a measured (positive) value, and whether it holds a positive raw anchor.</summary>
    private static (bool Measured, bool Anchored) FigureRow(string report, string id, string name)
    {
        var row = report.Split('\n').SingleOrDefault(line => line.StartsWith($"| {id} | {name}", StringComparison.Ordinal))
            ?? throw new ShouldAssertException($"The report has no row {id} {name}:\n{report}");
        var cells = row.Split('|').Select(c => c.Trim()).ToArray();
        return (Positive(cells[3]), Positive(cells[4]));
    }

    private static bool Positive(string cell) =>
        Number().Match(cell) is { Success: true } match
        && double.Parse(match.Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture) > 0;

    [GeneratedRegex(@"^[\d,]+(\.\d+)?")]
    private static partial Regex Number();
}
