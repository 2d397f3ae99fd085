using System.Text.RegularExpressions;

namespace Koperasi.ArchitectureTests;

/// <summary>
/// Production is the default everywhere: Development (where the gateway mints tokens) is only ever
/// chosen on purpose. Read from the deployment files themselves, so a new service is covered.
/// </summary>
public partial class DeploymentEnvironmentTests
{
    private static readonly string Root = Repository.Root;

    [Fact]
    public void Every_service_in_docker_compose_runs_as_Production_unless_told_otherwise()
    {
        var compose = File.ReadAllText(Path.Combine(Root, "docker-compose.yml"));
        var builtServices = BuiltService().Matches(compose).Select(m => m.Groups["name"].Value).ToList();
        var environments = AspNetCoreEnvironment().Matches(compose).Select(m => m.Groups["value"].Value.Trim().Trim('"')).ToList();

        builtServices.ShouldContain("gateway");
        // The fake bank and the fake ministry are test doubles and the demo data loader a one-shot console tool: none serves the platform.
        environments.Count.ShouldBe(builtServices.Count(name => name is not ("fake-bank" or "fake-ministry" or "demo-data")), "every ASP.NET Core service of the platform names its environment");
        environments.ShouldAllBe(value => value == "${KOPERASI_ENVIRONMENT:-Production}");
    }

    /// <summary>A service of the file built from this repository: `  name:` followed by `    build:`.</summary>
    [GeneratedRegex(@"^  (?<name>[a-z-]+):\n    build:", RegexOptions.Multiline)]
    private static partial Regex BuiltService();

    [GeneratedRegex(@"^\s+ASPNETCORE_ENVIRONMENT:\s*(?<value>.+)$", RegexOptions.Multiline)]
    private static partial Regex AspNetCoreEnvironment();
}
