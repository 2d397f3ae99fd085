using Koperasi.Testing;

namespace Koperasi.Benchmarks;

/// <summary>The command line of the harness.</summary>
public sealed record BenchmarkOptions
{
    public const string Usage = """
        Seeds a register of N koperasi in its own schema, runs the statistics projection, then times the
        Registry's read endpoints in-process and writes docs/benchmarks/registry-<date>.md.

          --cooperatives N   koperasi in the register (default 130000)
          --schema NAME      schema in koperasi_registry_test (default bench_registry)
          --reseed           drop the schema and seed again even if it already holds N koperasi
          --rebuild          rebuild the statistics projection even if it is caught up
          --iterations N     timed requests per endpoint (default 50)
          --warmup N         untimed requests per endpoint first (default 5)
          --batch N          registrations per transaction while seeding (default 1000)
          --output DIR       where the Markdown goes (default docs/benchmarks of the repository)
          --no-report        print the table only, write no Markdown
          --drop             drop the schema at the end (default: keep it, so runs can be repeated)
          --no-engines       skip the figures against the raw engines (P1 to P5)
          --figures LIST     only these engine figures, e.g. P3 or P1,P4,P5 (default: P1 to P5; P4 needs P1)
          --runs N           runs of each engine figure, the median reported (default 3)
          --connections N    connections of the command figure P1 (default 16)
          --command-seconds N  seconds of each P1 run, platform and raw each (default 10)
          --steady-seconds N  length of P2's steady load (default 10; the issue's target: 120)
          --steady-rate N    registrations/s of P2's steady load (default 50)
          --burst N          registrations of P2's burst (default 500; the issue's target: 5000)
          --stale-sequence-ms N  P2's Registry daemon waits N ms for a sequence gap (default: Marten's, 3 s)
        """;

    public int Cooperatives { get; init; } = 130_000;
    public string Schema { get; init; } = "bench_registry";
    public bool Reseed { get; init; }
    public bool Rebuild { get; init; }
    public int Iterations { get; init; } = 50;
    public int Warmup { get; init; } = 5;
    public int BatchSize { get; init; } = 1000;
    public string? Output { get; init; }
    public bool WriteReport { get; init; } = true;
    public bool Drop { get; init; }
    public bool Engines { get; init; } = true;
    public IReadOnlySet<string> Figures { get; init; } = AllFigures;
    public int Runs { get; init; } = 3;
    public int Connections { get; init; } = 16;
    public int CommandSeconds { get; init; } = 10;
    public int SteadySeconds { get; init; } = 10;
    public int SteadyRate { get; init; } = 50;
    public int Burst { get; init; } = 500;
    public int? StaleSequenceMilliseconds { get; init; }

    /// <summary>Parses the arguments; null with a message when they are wrong or help was asked for.</summary>
    public static (BenchmarkOptions? Options, string? Error) Parse(IReadOnlyList<string> args) =>
        OptionReader.Parse(args, new BenchmarkOptions(), Usage, (options, read) => read.Option switch
        {
            "--cooperatives" => options with { Cooperatives = read.Number() },
            "--schema" => options with { Schema = SchemaName(read.Value()) },
            "--reseed" => options with { Reseed = true },
            "--rebuild" => options with { Rebuild = true },
            "--iterations" => options with { Iterations = read.Number() },
            "--warmup" => options with { Warmup = read.Number() },
            "--batch" => options with { BatchSize = read.Number() },
            "--output" => options with { Output = read.Value() },
            "--no-report" => options with { WriteReport = false },
            "--drop" => options with { Drop = true },
            "--no-engines" => options with { Engines = false },
            "--figures" => options with { Figures = FigureList(read.Value()) },
            "--runs" => options with { Runs = read.Number() },
            "--connections" => options with { Connections = read.Number() },
            "--command-seconds" => options with { CommandSeconds = read.Number() },
            "--steady-seconds" => options with { SteadySeconds = read.Number() },
            "--steady-rate" => options with { SteadyRate = read.Number() },
            "--burst" => options with { Burst = read.Number() },
            "--stale-sequence-ms" => options with { StaleSequenceMilliseconds = read.Number() },
            _ => throw read.Unknown(),
        });

    /// <summary>The engine figures of issue 15.</summary>
    public static readonly IReadOnlySet<string> AllFigures = new HashSet<string>(["P1", "P2", "P3", "P4", "P5"], StringComparer.Ordinal);

    /// <summary>Whether the engine figure <paramref name="id"/> (P1 to P5) is to run.</summary>
    public bool Measures(string id) => Engines && Figures.Contains(id);

    /// <summary>A comma-separated list of figures; P4 publishes the backlog P1 leaves, so it needs P1.</summary>
    private static HashSet<string> FigureList(string value)
    {
        var figures = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(f => f.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
        if (figures.Count == 0 || !figures.IsSubsetOf(AllFigures))
        {
            throw new FormatException("--figures takes a comma-separated list of P1, P2, P3, P4, P5.");
        }

        return figures.Contains("P4") && !figures.Contains("P1")
            ? throw new FormatException("--figures: P4 publishes the backlog P1 leaves; name P1 with it.")
            : figures;
    }

    /// <summary>The schema name goes into SQL text, so only plain identifiers are accepted.</summary>
    private static string SchemaName(string name) =>
        name.Length is > 0 and <= 63 && char.IsAsciiLetterLower(name[0]) && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_')
            ? name
            : throw new FormatException("--schema takes a lower-case identifier (a-z, 0-9, _).");
}
