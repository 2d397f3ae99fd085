using Koperasi.Testing;

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
        var loadAverage = Machine.LoadAverage();
        var results = await RunAsync(options, Console.Out, cancellation.Token);
        Console.WriteLine();
        Console.Write(Report.Table(results));

        if (options.WriteReport)
        {
            var root = SourceTree.Root;
            var directory = options.Output ?? Path.Combine(root, "docs", "resilience");
            Directory.CreateDirectory(directory);
            // A run of some rows only does not overwrite the day's run of all six.
            var rows = options.Rows.Count == 6 ? "" : "-rows-" + string.Join('-', options.Rows);
            var file = Path.Combine(directory, $"results-{runAt:yyyy-MM-dd}{rows}.md");
            await File.WriteAllTextAsync(file, Report.Markdown(results, options, runAt, await SourceTree.CommitAsync(), Machine.Describe().ToString(), loadAverage));
            Console.WriteLine($"Written to {file}");
        }

        return 0;
    }

    /// <summary>Runs the rows of <paramref name="options"/> one after the other, each on a platform of its own.</summary>
    public static async Task<IReadOnlyList<RowResult>> RunAsync(ResilienceOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        var root = SourceTree.Root;
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
}
