using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Koperasi.Testing;

/// <summary>
/// Redocly CLI's <c>lint</c> over an OpenAPI document, with the repository's <c>redocly.yaml</c>.
/// The tool comes from <c>REDOCLY_CLI</c> or from <c>.local/tools</c>, where test.sh installs it.
/// </summary>
public static class OpenApiLint
{
    /// <summary>Path of the <c>redocly</c> executable, or null when it is not installed.</summary>
    public static string? Tool { get; } = FindTool();

    /// <summary>Under CI the linter must run: a missing tool is a failure there, not a skip.</summary>
    public static bool Required { get; } = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>What the linter reports about <paramref name="document"/>: one line per error or warning.</summary>
    public static async Task<IReadOnlyList<string>> ProblemsAsync(string name, JsonObject document)
    {
        var tool = Tool ?? throw new InvalidOperationException("Redocly CLI is not installed: run ./test.sh, or npm install --prefix .local/tools @redocly/cli, or set REDOCLY_CLI.");
        var folder = Directory.CreateTempSubdirectory("koperasi-openapi-");
        try
        {
            var file = Path.Combine(folder.FullName, $"{name}.json");
            await File.WriteAllTextAsync(file, document.ToJsonString());
            var start = new ProcessStartInfo(tool)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = folder.FullName,
            };
            foreach (var argument in new[] { "lint", file, "--config", Path.Combine(SourceTree.Root, "redocly.yaml"), "--format=json" })
            {
                start.ArgumentList.Add(argument);
            }

            // Nothing leaves the machine: no usage data, no check for a newer version.
            start.Environment["REDOCLY_TELEMETRY"] = "off";
            start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);
            var report = JsonNode.Parse(await output)
                ?? throw new InvalidOperationException($"redocly lint wrote no report (exit {process.ExitCode}): {await errors}");
            var problems = (report["problems"] as JsonArray ?? [])
                .Select(problem => $"{problem!["severity"]} {problem["ruleId"]} at {problem["location"]?[0]?["pointer"]}: {problem["message"]}")
                .ToList();
            if (process.ExitCode != 0 && problems.Count == 0)
            {
                problems.Add($"redocly lint exited with {process.ExitCode}: {await errors}");
            }

            return problems;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string? FindTool()
    {
        if (Environment.GetEnvironmentVariable("REDOCLY_CLI") is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : null;
        }

        var installed = Path.Combine(SourceTree.Root, ".local", "tools", "node_modules", ".bin", OperatingSystem.IsWindows() ? "redocly.cmd" : "redocly");
        return File.Exists(installed) ? installed : null;
    }
}
