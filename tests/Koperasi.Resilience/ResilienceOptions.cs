using System.Globalization;
using Koperasi.Testing;

namespace Koperasi.Resilience;

/// <summary>The command line of the harness.</summary>
public sealed record ResilienceOptions
{
    public const string Usage = """
        Starts its own PostgreSQL and RabbitMQ (deploy/infra.sh, project-local, on its own ports) and the
        Registry, the Transformation service and the gateway as processes; then, each under a steady
        write load of registrations through the gateway, breaks one thing at a time and counts the
        commands acknowledged, the facts delivered to a subscriber of its own, the lost and the
        duplicated. Writes docs/resilience/results-<date>.md.

          --rows 1,2,...       the rows to run (default 1,2,3,4,5,6):
                               1 broker stopped, 2 PostgreSQL killed, 3 service killed,
                               4 daemon leader killed, 5 consumer killed while catching up,
                               6 rolled-back writers during a relay burst
          --shared             use the PostgreSQL and RabbitMQ of the environment (./test.sh's, or
                               .local/infra.env) instead of starting its own: rows 3 to 6 only
          --base-port N        first of the 20 ports of its own servers and processes (default 46500)
          --rate N             registrations per second of the steady load (default 10)
          --seconds N          length of the load in each row (default 20)
          --broker-outage N    seconds the broker stays stopped in row 1 (default 10; the issue's: 30)
          --kills N            times the consumer is killed in row 5 (default 10)
          --backlog N          registrations waiting for the consumer in row 5 (default 200)
          --burst N            registrations of the relay burst in row 6 (default 200)
          --settle N           seconds to wait for the last facts after the load (default 90)
          --output DIR         where the Markdown goes (default docs/resilience of the repository)
          --no-report          print the table only, write no Markdown
        """;

    public IReadOnlyList<int> Rows { get; init; } = [1, 2, 3, 4, 5, 6];
    public bool Shared { get; init; }
    public int BasePort { get; init; } = 46500;
    public int Rate { get; init; } = 10;
    public int Seconds { get; init; } = 20;
    public int BrokerOutageSeconds { get; init; } = 10;
    public int Kills { get; init; } = 10;
    public int Backlog { get; init; } = 200;
    public int Burst { get; init; } = 200;
    public int SettleSeconds { get; init; } = 90;
    public string? Output { get; init; }
    public bool WriteReport { get; init; } = true;

    /// <summary>The rows that need their own servers (they stop or kill them).</summary>
    public static readonly IReadOnlySet<int> BreaksServers = new HashSet<int> { 1, 2 };

    /// <summary>Parses the arguments; null with a message when they are wrong or help was asked for.</summary>
    public static (ResilienceOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        var (options, error) = OptionReader.Parse(args, new ResilienceOptions(), Usage, (given, read) => read.Option switch
        {
            "--rows" => given with { Rows = RowList(read.Value()) },
            "--shared" => given with { Shared = true },
            "--base-port" => given with { BasePort = read.Number() },
            "--rate" => given with { Rate = read.Number() },
            "--seconds" => given with { Seconds = read.Number() },
            "--broker-outage" => given with { BrokerOutageSeconds = read.Number() },
            "--kills" => given with { Kills = read.Number() },
            "--backlog" => given with { Backlog = read.Number() },
            "--burst" => given with { Burst = read.Number() },
            "--settle" => given with { SettleSeconds = read.Number() },
            "--output" => given with { Output = read.Value() },
            "--no-report" => given with { WriteReport = false },
            _ => throw read.Unknown(),
        });
        if (options is { Shared: true } && options.Rows.Any(BreaksServers.Contains))
        {
            return (null, $"Rows 1 and 2 stop the servers: they run only on the harness's own (leave out --shared).\n\n{Usage}");
        }

        return (options, error);
    }

    private static int[] RowList(string value)
    {
        var rows = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(row => int.TryParse(row, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 6
                ? n
                : throw new FormatException("--rows takes numbers from 1 to 6, separated by commas."))
            .Distinct().Order().ToArray();
        return rows.Length > 0 ? rows : throw new FormatException("--rows needs at least one row.");
    }
}
