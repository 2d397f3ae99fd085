using System.Diagnostics;

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
            var root = RepositoryRoot();
            var directory = options.Output ?? Path.Combine(root, "docs", "benchmarks");
            Directory.CreateDirectory(directory);
            var file = Path.Combine(directory, $"registry-{runAt:yyyy-MM-dd}.md");
            await File.WriteAllTextAsync(file, Report.Markdown(result, runAt, await CommitAsync(root)));
            System.Console.WriteLine($"Written to {file}");
        }

        return 0;
    }

    private static string RepositoryRoot()
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
