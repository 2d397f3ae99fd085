using System.Diagnostics;

namespace Koperasi.Testing;

/// <summary>The checkout the tests and harnesses run from: the folder holding Koperasi.sln above their binaries.</summary>
public static class SourceTree
{
    private static readonly Lazy<string> FoundRoot = new(Find);

    /// <summary>The repository's root folder.</summary>
    public static string Root => FoundRoot.Value;

    /// <summary>The commit checked out (short form); null when git is not at hand.</summary>
    public static async Task<string?> CommitAsync()
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", ["-C", Root, "rev-parse", "--short", "HEAD"]) { RedirectStandardOutput = true, RedirectStandardError = true });
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

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Koperasi.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("No Koperasi.sln above the binaries' folder: run from a checkout of the repository.");
    }
}
