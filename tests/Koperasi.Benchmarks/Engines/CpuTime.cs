using System.Globalization;

namespace Koperasi.Benchmarks.Engines;

/// <summary>
/// CPU time used so far by this process (the client, and the services hosted in it) and by every
/// PostgreSQL process of the machine (<c>/proc</c>; none where there is no <c>/proc</c>). Divided by
/// the work done between two readings it says what one command costs on each side, which a busy
/// machine stretches far less than it stretches a rate.
/// </summary>
public readonly record struct CpuTime(TimeSpan Process, TimeSpan PostgreSql)
{
    /// <summary>Clock ticks per second of <c>/proc/[pid]/stat</c> (USER_HZ, 100 on Linux).</summary>
    private const double TicksPerSecond = 100;

    public static CpuTime Now()
    {
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        return new CpuTime(self.TotalProcessorTime, PostgreSqlTime());
    }

    public static CpuTime operator -(CpuTime after, CpuTime before) => new(after.Process - before.Process, after.PostgreSql - before.PostgreSql);

    /// <summary>Milliseconds of CPU per unit of work in this process and in PostgreSQL.</summary>
    public (double Process, double PostgreSql) PerUnit(long units) => units <= 0
        ? (0, 0)
        : (Process.TotalMilliseconds / units, PostgreSql.TotalMilliseconds / units);

    /// <summary>"CPU per registration: harness 1.10, 1.20 ms; PostgreSQL 0.80, 0.90 ms" for the runs' figures.</summary>
    public static string Describe(IReadOnlyList<(double Process, double PostgreSql)> runs, string unit) =>
        string.Create(CultureInfo.InvariantCulture,
            $"CPU per {unit} by run: {string.Join(", ", runs.Select(r => r.Process.ToString("F2", CultureInfo.InvariantCulture)))} ms in the harness's process (client, gateway, service), {string.Join(", ", runs.Select(r => r.PostgreSql.ToString("F2", CultureInfo.InvariantCulture)))} ms in PostgreSQL (the whole server's: other work on it included)");

    private static TimeSpan PostgreSqlTime()
    {
        if (!Directory.Exists("/proc"))
        {
            return TimeSpan.Zero;
        }

        long ticks = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out _))
            {
                continue;
            }

            try
            {
                // pid (comm) state ppid ... utime(14) stime(15): comm may hold spaces, so split after its ')'.
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var open = stat.IndexOf('(', StringComparison.Ordinal);
                var close = stat.LastIndexOf(')');
                if (open < 0 || close < open || stat[(open + 1)..close] != "postgres")
                {
                    continue;
                }

                var fields = stat[(close + 2)..].Split(' ');
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // The process ended while it was read.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}
