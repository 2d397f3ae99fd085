using System.Text.RegularExpressions;

namespace Koperasi.ArchitectureTests;

/// <summary>
/// One Dockerfile builds every service image (services/Dockerfile, with the service's folder and
/// project as build arguments), and docker-compose.yml builds every service of deploy/services.txt
/// and the gateway with it. Read from the files themselves (there is no Docker engine here), so a new
/// service or a copied Dockerfile is caught.
/// </summary>
public partial class ServiceImageTests
{
    private static readonly string Root = Repository.Root;

    private static string Compose => File.ReadAllText(Path.Combine(Root, "docker-compose.yml"));

    /// <summary>The service names of deploy/services.txt (the first word of each line that is not a comment), and the gateway.</summary>
    public static IReadOnlyList<string> PlatformServices() =>
    [
        .. File.ReadAllLines(Path.Combine(Root, "deploy", "services.txt"))
            .Select(line => line.Split('#')[0].Trim())
            .Where(line => line.Length > 0)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0]),
        "gateway",
    ];

    /// <summary>What compose builds a service from: its dockerfile and build arguments, by service name.</summary>
    public static IReadOnlyDictionary<string, (string Dockerfile, IReadOnlyDictionary<string, string> Args)> Builds(string compose) =>
        BuildBlock().Matches(compose).ToDictionary(
            m => m.Groups["name"].Value,
            m => (m.Groups["dockerfile"].Value.Trim(),
                (IReadOnlyDictionary<string, string>)BuildArgument().Matches(m.Groups["args"].Value).ToDictionary(a => a.Groups["key"].Value, a => a.Groups["value"].Value.Trim())));

    [Fact]
    public void The_reading_of_the_compose_file_finds_the_dockerfile_and_arguments_of_a_build()
    {
        const string compose = "services:\n  one:\n    build:\n      context: .\n      dockerfile: services/Dockerfile\n      args:\n        SERVICE: one\n        PROJECT: Koperasi.One\n    image: x\n  two:\n    build:\n      context: .\n      dockerfile: services/two/Dockerfile\n    image: y\n";
        var builds = Builds(compose);
        builds["one"].Dockerfile.ShouldBe("services/Dockerfile");
        builds["one"].Args.ShouldBe(new Dictionary<string, string> { ["SERVICE"] = "one", ["PROJECT"] = "Koperasi.One" });
        builds["two"].Dockerfile.ShouldBe("services/two/Dockerfile");
        builds["two"].Args.ShouldBeEmpty();
    }

    [Fact]
    public void Every_service_and_the_gateway_is_built_by_compose_from_the_one_Dockerfile_with_its_own_project()
    {
        var builds = Builds(Compose);
        var services = PlatformServices();
        services.Count.ShouldBeGreaterThan(1);
        foreach (var service in services)
        {
            builds.Keys.ShouldContain(service, $"docker-compose.yml builds no image for {service}");
            var (dockerfile, args) = builds[service];
            dockerfile.ShouldBe("services/Dockerfile", service);
            args.GetValueOrDefault("SERVICE").ShouldBe(service, service);
            var project = args.GetValueOrDefault("PROJECT");
            project.ShouldNotBeNullOrEmpty(service);
            File.Exists(Path.Combine(Root, "services", service, project, $"{project}.csproj"))
                .ShouldBeTrue($"{service}: services/{service}/{project}/{project}.csproj does not exist");
        }
    }

    [Fact]
    public void Services_hold_no_Dockerfile_of_their_own()
    {
        Directory.EnumerateFiles(Path.Combine(Root, "services"), "Dockerfile*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Root, path).Replace(Path.DirectorySeparatorChar, '/'))
            .ShouldBe(["services/Dockerfile"]);
    }

    [Fact]
    public void The_Dockerfile_builds_and_starts_the_project_its_arguments_name()
    {
        // Its instructions, without the comments (which show an example build).
        var dockerfile = string.Join('\n', File.ReadAllLines(Path.Combine(Root, "services", "Dockerfile")).Where(line => !line.TrimStart().StartsWith('#')));
        dockerfile.ShouldContain("ARG SERVICE");
        dockerfile.ShouldContain("ARG PROJECT");
        dockerfile.ShouldContain("dotnet publish services/${SERVICE}/${PROJECT}/${PROJECT}.csproj");
        dockerfile.ShouldContain("KOPERASI_ASSEMBLY=${PROJECT}.dll");
        foreach (var service in PlatformServices())
        {
            dockerfile.ShouldNotContain($"services/{service}", Case.Insensitive, "the one Dockerfile names no service: the build arguments do");
            dockerfile.ShouldNotContain($"Koperasi.{service}", Case.Insensitive, "the one Dockerfile names no project: the build arguments do");
        }
    }

    /// <summary>`  name:` then `    build:` with its `dockerfile:` and, optionally, its `args:` block.</summary>
    [GeneratedRegex(@"^  (?<name>[a-z-]+):\n    build:\n(?:      (?!dockerfile:|args:).*\n)*      dockerfile:(?<dockerfile>.*)\n(?:      args:\n(?<args>(?:        .*\n)*))?", RegexOptions.Multiline)]
    private static partial Regex BuildBlock();

    [GeneratedRegex(@"^\s+(?<key>[A-Z_]+):(?<value>.*)$", RegexOptions.Multiline)]
    private static partial Regex BuildArgument();
}
