using System.Xml.Linq;

namespace Koperasi.ArchitectureTests;

/// <summary>
/// Services meet only through contracts on the bus and their HTTP APIs: no service project may
/// reference another service's project, and the building blocks reference no service at all.
/// Read from the project files themselves, so a new service is covered without touching this test.
/// </summary>
public class ProjectReferenceTests
{
    private static readonly string Root = Repository.Root;

    private static IEnumerable<string> Projects(string folder) =>
        Directory.EnumerateFiles(Path.Combine(Root, folder), "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"));

    private static IEnumerable<string> ReferencesOf(string project) =>
        XDocument.Load(project).Descendants("ProjectReference")
            .Select(r => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project)!, r.Attribute("Include")!.Value.Replace('\\', Path.DirectorySeparatorChar))));

    /// <summary>"services/registry/..." gives "registry".</summary>
    private static string? ServiceOf(string path)
    {
        var relative = Path.GetRelativePath(Root, path).Split(Path.DirectorySeparatorChar);
        return relative.Length > 1 && relative[0] == "services" ? relative[1] : null;
    }

    public static TheoryData<string> ServiceProjects => [.. Projects("services").Select(p => Path.GetRelativePath(Root, p))];

    [Fact]
    public void There_are_service_projects_to_check() => ServiceProjects.Count.ShouldBeGreaterThan(0);

    [Theory]
    [MemberData(nameof(ServiceProjects))]
    public void A_service_project_references_no_other_service(string project)
    {
        var path = Path.Combine(Root, project);
        var own = ServiceOf(path);
        ReferencesOf(path).Where(r => ServiceOf(r) is { } other && other != own).Select(r => Path.GetRelativePath(Root, r))
            .ShouldBeEmpty($"{project} reaches into another service; use its contracts or its HTTP API");
    }

    [Fact]
    public void The_building_blocks_reference_no_service()
    {
        Projects("building-blocks").SelectMany(p => ReferencesOf(p).Select(r => (Project: p, Reference: r)))
            .Where(x => ServiceOf(x.Reference) is not null)
            .Select(x => $"{Path.GetRelativePath(Root, x.Project)} -> {Path.GetRelativePath(Root, x.Reference)}")
            .ShouldBeEmpty();
    }

    [Fact]
    public void The_contracts_depend_on_nothing_but_MassTransit_abstractions()
    {
        var contracts = XDocument.Load(Path.Combine(Root, "building-blocks", "Koperasi.Contracts", "Koperasi.Contracts.csproj"));
        contracts.Descendants("ProjectReference").ShouldBeEmpty();
        contracts.Descendants("PackageReference").Select(p => p.Attribute("Include")!.Value).ShouldBe(["MassTransit.Abstractions"]);
    }

    [Fact]
    public void MassTransit_stays_on_the_openly_licensed_8_5_line()
    {
        var versions = XDocument.Load(Path.Combine(Root, "Directory.Packages.props")).Descendants("PackageVersion")
            .Where(p => p.Attribute("Include")!.Value.StartsWith("MassTransit", StringComparison.Ordinal))
            .Select(p => p.Attribute("Version")!.Value.Trim('[', ']'))
            .ToList();
        versions.ShouldNotBeEmpty();
        versions.ShouldAllBe(v => v.StartsWith("8.5.", StringComparison.Ordinal));
    }
}
