using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Koperasi.EndToEnd.Tests;

/// <summary>
/// The walkthroughs of the README and the guides under docs/: each fenced bash block right after a
/// <c>&lt;!-- walkthrough: NAME --&gt;</c> comment, run as a reader pastes it, with bash, from the
/// repository's root, against the gateway at <c>KOPERASI_URL</c>.
/// </summary>
public static partial class Walkthroughs
{
    /// <summary>The repository's root: the folder above the test's output that holds README.md and Koperasi.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>
    /// The documents walkthroughs may live in, relative to <see cref="Root"/> with '/' separators:
    /// README.md, then every Markdown file under docs/, in ordinal order.
    /// </summary>
    public static IReadOnlyList<string> Documents()
    {
        var docs = Path.Combine(Root, "docs");
        var guides = Directory.Exists(docs)
            ? Directory.EnumerateFiles(docs, "*.md", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(Root, f).Replace(Path.DirectorySeparatorChar, '/'))
                .Order(StringComparer.Ordinal)
            : Enumerable.Empty<string>();
        return ["README.md", .. guides];
    }

    /// <summary>The text of a document of <see cref="Documents"/>, with "\n" line endings.</summary>
    public static string Read(string document) =>
        File.ReadAllText(Path.Combine(Root, document)).ReplaceLineEndings("\n");

    /// <summary>Every walkthrough by name, with the document that holds it, in the order of <see cref="Documents"/>.</summary>
    public static IReadOnlyList<(string Name, string Document, string Script)> AllWithDocuments() =>
        [.. Documents().SelectMany(document => Marked().Matches(Read(document))
            .Select(m => (m.Groups["name"].Value, document, m.Groups["script"].Value)))];

    /// <summary>Every walkthrough by name, in the order of <see cref="Documents"/>.</summary>
    public static IReadOnlyList<(string Name, string Script)> All() =>
        [.. AllWithDocuments().Select(w => (w.Name, w.Script))];

    public static string Named(string name) =>
        All().Where(w => w.Name == name).Select(w => w.Script).SingleOrDefault()
        ?? throw new InvalidOperationException($"Neither README.md nor docs/ has one walkthrough named '{name}'.");

    /// <summary>The outcome of one run: exit code and what it printed.</summary>
    public sealed record Run(int ExitCode, string Output, string Error)
    {
        /// <summary>What a failure message shows: long digit runs (a synthetic NIK, a phone, an account) masked.</summary>
        public override string ToString() => LongNumber().Replace($"exit code {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}", "********");
    }

    /// <summary>
    /// Runs a walkthrough with bash from the repository's root, against the gateway at <paramref name="gateway"/>,
    /// with the further <paramref name="environment"/> variables it reads (e.g. <c>KOPERASI_MINISTRY_URL</c>).
    /// </summary>
    public static async Task<Run> RunAsync(string name, Uri gateway, TimeSpan? timeout = null, IReadOnlyDictionary<string, string>? environment = null)
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
            foreach (var (variable, value) in environment ?? new Dictionary<string, string>())
            {
                start.Environment[variable] = value;
            }

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
