using System.Diagnostics;

namespace Koperasi.ArchitectureTests;

/// <summary>
/// Command-line tools from the OS packages (promtool, kubectl) the deployment checks run. test.sh
/// installs prometheus (promtool); without a tool a test skips, except under CI (CI=true) where it fails.
/// </summary>
internal static class OsTools
{
    public static bool Required { get; } = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The full path of <paramref name="name"/> on PATH, or null.</summary>
    public static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);

    /// <summary>The path of a tool the test cannot do without: a skip when it is missing, a failure under CI.</summary>
    public static string Need(string name, string package)
    {
        var tool = Find(name);
        if (tool is null)
        {
            var message = $"{name} is not installed (Debian package {package}; ./test.sh installs it)";
            if (Required)
            {
                throw new InvalidOperationException(message);
            }

            Assert.Skip(message);
        }

        return tool!;
    }

    /// <summary>Runs a tool to its end: its exit code and what it wrote on stdout and stderr.</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string tool, string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await errors);
    }
}
