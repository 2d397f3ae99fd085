using Koperasi.Testing;

namespace Koperasi.Benchmarks;

/// <summary>The entry point (not top-level statements: those would declare a second <c>Program</c> beside the Registry's).</summary>
public static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        var (options, error) = BenchmarkOptions.Parse(args);
        if (options is null)
        {
            await System.Console.Error.WriteLineAsync(error);
            return 2;
        }

        using var cancellation = new CancellationTokenSource();
        System.Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };

        var runAt = DateTimeOffset.UtcNow;
        var result = await Benchmark.RunAsync(options, cancellation.Token);
        System.Console.WriteLine();
        System.Console.Write(Report.Table(result));

        if (options.WriteReport)
        {
            var root = SourceTree.Root;
            var directory = options.Output ?? Path.Combine(root, "docs", "benchmarks");
            Directory.CreateDirectory(directory);
            var file = Path.Combine(directory, $"registry-{runAt:yyyy-MM-dd}.md");
            await File.WriteAllTextAsync(file, Report.Markdown(result, runAt, await SourceTree.CommitAsync()));
            System.Console.WriteLine($"Written to {file}");
        }

        return 0;
    }
}
