using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Koperasi.EndToEnd.Tests;

/// <summary>
/// The README's walkthroughs: each fenced bash block right after a <c>&lt;!-- walkthrough: NAME --&gt;</c>
/// comment, run as a reader pastes it, with bash, against the gateway at <c>KOPERASI_URL</c>.
/// </summary>
public static partial class Walkthroughs
{
    /// <summary>The repository's root: the folder above the test's output that holds README.md and Koperasi.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Every walkthrough of the README by name, in the order it shows them.</summary>
    public static IReadOnlyList<(string Name, string Script)> All() =>
        [.. Marked().Matches(File.ReadAllText(Path.Combine(Root, "README.md")).ReplaceLineEndings("\n"))
            .Select(m => (m.Groups["name"].Value, m.Groups["script"].Value))];

    public static string Named(string name) =>
        All().Where(w => w.Name == name).Select(w => w.Script).SingleOrDefault()
        ?? throw new InvalidOperationException($"README.md has no walkthrough named '{name}'.");

    /// <summary>The outcome of one run: exit code and what it printed.</summary>
    public sealed record Run(int ExitCode, string Output, string Error)
    {
        /// <summary>What a failure message shows: long digit runs (a synthetic NIK, a phone, an account) masked.</summary>
        public override string ToString() => LongNumber().Replace($"exit code {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}", "********");
    }

    /// <summary>Runs a walkthrough with bash from the repository's root, against the gateway at <paramref name="gateway"/>.</summary>
    public static async Task<Run> RunAsync(string name, Uri gateway, TimeSpan? timeout = null)
    {
        var script = Path.Combine(Path.GetTempPath(), $"walkthrough-{name}-{Guid.NewGuid():N}.sh");
        await File.WriteAllTextAsync(script, Named(name) + "\n");
        try
        {
            var start = new ProcessStartInfo("bash", [script])
            {
                WorkingDirectory = Root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.Environment["KOPERASI_URL"] = gateway.ToString().TrimEnd('/');
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(3));
            try
            {
                await process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                return new Run(-1, await output, await error + "\n(timed out)");
            }

            return new Run(process.ExitCode, await output, await error);
        }
        finally
        {
            File.Delete(script);
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "README.md")) && File.Exists(Path.Combine(dir.FullName, "Koperasi.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("No README.md with Koperasi.sln above the test's folder.");
    }

    [GeneratedRegex(@"^<!-- walkthrough: (?<name>[a-z0-9-]+) -->\n```(?:bash|sh)\n(?<script>.*?)\n```$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Marked();

    [GeneratedRegex(@"\d{8,}")]
    private static partial Regex LongNumber();
}
