using System.Text.RegularExpressions;

namespace Koperasi.ArchitectureTests;

/// <summary>
/// A production image carries no demo code: the demo data sets and their loaders live in tools/
/// (run by ./run.sh and docker compose), never in a service. Read from the sources, so a new
/// service or a new file is covered without touching this test.
/// </summary>
public partial class NoDemoCodeInServicesTests
{
    private static readonly string Root = Repository.Root;

    private static IEnumerable<string> Sources(string folder, string pattern) =>
        Directory.EnumerateFiles(Path.Combine(Root, folder), pattern, SearchOption.AllDirectories)
            .Where(p => !Path.GetRelativePath(Root, p).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"));

    [GeneratedRegex(@"^\s*namespace\s+([\w.]+)", RegexOptions.Multiline)]
    private static partial Regex Namespace();

    /// <summary>"Koperasi.Registry.Demo" and "Koperasi.Funding.Demo.Sets" live in a Demo namespace; "Koperasi.Registry.Democracy" does not.</summary>
    public static bool IsDemoNamespace(string name) => name.Split('.').Any(part => part == "Demo");

    [Fact]
    public void The_namespace_rule_tells_demo_namespaces_apart()
    {
        IsDemoNamespace("Koperasi.Registry.Demo").ShouldBeTrue();
        IsDemoNamespace("Koperasi.Funding.Demo.Sets").ShouldBeTrue();
        IsDemoNamespace("Koperasi.Registry.Cooperatives").ShouldBeFalse();
        IsDemoNamespace("Koperasi.Registry.Democracy").ShouldBeFalse();
    }

    [Fact]
    public void The_demo_tools_are_there_to_be_told_apart() =>
        Sources("tools", "*.cs").Select(File.ReadAllText).SelectMany(text => Namespace().Matches(text)).Select(m => m.Groups[1].Value)
            .Any(IsDemoNamespace).ShouldBeTrue("the demo tools should hold the demo namespaces this test keeps out of the services");

    [Fact]
    public void No_type_of_a_service_lives_in_a_Demo_namespace()
    {
        var sources = Sources("services", "*.cs").ToList();
        sources.ShouldNotBeEmpty();
        sources
            .SelectMany(path => Namespace().Matches(File.ReadAllText(path)).Select(m => (Path: Path.GetRelativePath(Root, path), Namespace: m.Groups[1].Value)))
            .Where(n => IsDemoNamespace(n.Namespace))
            .Select(n => $"{n.Path}: {n.Namespace}")
            .ShouldBeEmpty("demo code belongs in tools/, not in a service's assembly");
    }

    [Fact]
    public void No_service_project_embeds_or_ships_a_demo_data_set()
    {
        Sources("services", "*.csproj")
            .Where(project => File.ReadAllText(project).Contains("Demo", StringComparison.OrdinalIgnoreCase))
            .Select(project => Path.GetRelativePath(Root, project))
            .ShouldBeEmpty("demo data sets belong in tools/, not in a service's assembly");
    }
}
