using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Koperasi.Resilience;

/// <summary>The entry point (not top-level statements, like the benchmark harness).</summary>
public static class ResilienceProgram
{
    public static async Task<int> Main(string[] args)
    {
        var (options, error) = ResilienceOptions.Parse(args);
        if (options is null)
        {
            await Console.Error.WriteLineAsync(error);
            return 2;
        }

        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };

        var runAt = DateTimeOffset.UtcNow;
        var loadAverage = LoadAverage();
        var results = await RunAsync(options, Console.Out, cancellation.Token);
        Console.WriteLine();
        Console.Write(Report.Table(results));

        if (options.WriteReport)
        {
            var root = RepositoryRoot();
            var directory = options.Output ?? Path.Combine(root, "docs", "resilience");
            Directory.CreateDirectory(directory);
            // A run of some rows only does not overwrite the day's run of all six.
            var rows = options.Rows.Count == 6 ? "" : "-rows-" + string.Join('-', options.Rows);
            var file = Path.Combine(directory, $"results-{runAt:yyyy-MM-dd}{rows}.md");
            await File.WriteAllTextAsync(file, Report.Markdown(results, options, runAt, await CommitAsync(root), Machine(), loadAverage));
            Console.WriteLine($"Written to {file}");
        }

        return 0;
    }

    /// <summary>Runs the rows of <paramref name="options"/> one after the other, each on a platform of its own.</summary>
    public static async Task<IReadOnlyList<RowResult>> RunAsync(ResilienceOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        var root = RepositoryRoot();
        await using var servers = options.Shared
            ? Servers.Shared(root, log)
            : await Servers.StartOwnAsync(root, options.BasePort, log, cancellationToken);
        var faults = new Faults(root, servers, options, log);
        var results = new List<RowResult>();
        foreach (var row in options.Rows)
        {
            log.WriteLine($"row {row}: {Faults.Names[row]}");
            var clock = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                results.Add(await faults.RunAsync(row, cancellationToken));
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // One row that cannot run (a server that did not come back) does not hide the others.
                log.WriteLine($"  row {row} did not complete: {exception}");
                results.Add(RowResult.Failed(row, Faults.Names[row], clock.Elapsed, $"{exception.GetType().Name}: {exception.Message}"));
                if (servers.Own)
                {
                    await servers.StartAgainAsync(cancellationToken);
                }
            }
        }

        return results;
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Koperasi.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }

    /// <summary>The machine the numbers come from: cores, CPU, memory, system, runtime.</summary>
    private static string Machine()
    {
        var cpu = ProcLine("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString();
        var memory = ProcLine("/proc/meminfo", "MemTotal") is { } total && long.TryParse(total.Split(' ')[0], CultureInfo.InvariantCulture, out var kib)
            ? kib / 1024.0 / 1024.0
            : GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1024.0 / 1024.0 / 1024.0;
        return string.Create(CultureInfo.InvariantCulture,
            $"{Environment.ProcessorCount} cores ({cpu}), {memory:F1} GiB memory, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string? ProcLine(string path, string key) =>
        File.Exists(path)
            ? File.ReadLines(path).Where(line => line.StartsWith(key, StringComparison.Ordinal))
                .Select(line => line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()).FirstOrDefault()
            : null;

    /// <summary>The commit the numbers belong to; none when git is not at hand.</summary>
    private static async Task<string?> CommitAsync(string root)
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", ["-C", root, "rev-parse", "--short", "HEAD"]) { RedirectStandardOutput = true, RedirectStandardError = true });
            if (git is null)
            {
                return null;
            }

            var commit = (await git.StandardOutput.ReadToEndAsync()).Trim();
            await git.WaitForExitAsync();
            return git.ExitCode == 0 && commit.Length > 0 ? commit : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
