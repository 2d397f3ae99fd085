namespace Koperasi.ArchitectureTests;

/// <summary>
/// The README stays short and every link of the README and the guides under docs/ resolves: each
/// relative link names a file or folder that exists, each #anchor a heading of its target by
/// GitHub's anchor rules. Read from the files themselves, so a new guide is covered without
/// touching this test.
/// </summary>
public sealed class DocumentationLinkTests
{
    /// <summary>What the README may grow to: a newcomer's first page, the rest lives in docs/.</summary>
    private const int ReadmeMaxLines = 200;

    private static readonly string Root = Repository.Root;

    private static IEnumerable<string> Documents() =>
        [
            "README.md",
            .. Directory.EnumerateFiles(Path.Combine(Root, "docs"), "*.md", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(Root, f))
                .Order(StringComparer.Ordinal),
        ];

    [Fact]
    public void Every_relative_link_and_anchor_of_the_readme_and_docs_resolves()
    {
        var documents = Documents().ToList();
        documents.Count.ShouldBeGreaterThan(10);

        var broken = MarkdownLinks.Check(Root, documents);

        broken.ShouldBeEmpty(string.Join("\n", broken));
    }

    [Fact]
    public void The_readme_links_to_the_guides()
    {
        var links = MarkdownLinks.Links(File.ReadAllText(Path.Combine(Root, "README.md"))).Select(l => l.Target).ToList();

        foreach (var guide in new[]
        {
            "docs/registry.md", "docs/transformation.md", "docs/funding.md", "docs/gateway.md", "docs/security-and-roles.md",
            "docs/integration-events.md", "docs/operations.md", "docs/configuration.md", "docs/architecture.md",
        })
        {
            links.ShouldContain(guide);
        }
    }

    [Fact]
    public void The_readme_is_short()
    {
        var lines = File.ReadAllText(Path.Combine(Root, "README.md")).ReplaceLineEndings("\n").TrimEnd('\n').Split('\n').Length;

        lines.ShouldBeLessThanOrEqualTo(ReadmeMaxLines, "README.md is a newcomer's first page: move reference material to docs/");
    }

    [Theory]
    [InlineData("Who may do what", "who-may-do-what")]
    [InlineData("What a Funding application shows, by role", "what-a-funding-application-shows-by-role")]
    [InlineData("`urn:message:koperasi:registry:rat-reported:v1`", "urnmessagekoperasiregistryrat-reportedv1")]
    [InlineData("Transformations (Transformation service)", "transformations-transformation-service")]
    [InlineData("Who read an applicant's data", "who-read-an-applicants-data")]
    [InlineData("Personal-data operations", "personal-data-operations")]
    [InlineData("A [linked](x.md) heading", "a-linked-heading")]
    [InlineData("Konfigurasi: café 2026", "konfigurasi-café-2026")]
    public void Anchors_follow_the_GitHub_rules(string heading, string anchor) =>
        MarkdownLinks.Slug(heading).ShouldBe(anchor);

    [Fact]
    public void A_repeated_heading_is_numbered_and_headings_in_code_are_none()
    {
        var anchors = MarkdownLinks.Anchors("# Calls\n\n## Calls\n\n```bash\n# not a heading\n```\n\n### Calls\n");

        anchors.ShouldBe(["calls", "calls-1", "calls-2"], ignoreOrder: true);
    }

    [Fact]
    public void A_broken_path_a_broken_anchor_and_an_escape_are_each_reported_and_code_is_not_read()
    {
        var folder = Directory.CreateTempSubdirectory("koperasi-links-");
        try
        {
            Directory.CreateDirectory(Path.Combine(folder.FullName, "docs"));
            File.WriteAllText(Path.Combine(folder.FullName, "docs", "guide.md"), "# Guide\n\n## Tokens\n");
            File.WriteAllText(Path.Combine(folder.FullName, "README.md"), string.Join('\n',
                "# Readme",
                "[fine](docs/guide.md) [fine too](docs/guide.md#tokens) [here](#readme) [folder](docs) [web](https://example.org/x#y)",
                "[gone](docs/missing.md)",
                "[no such heading](docs/guide.md#token)",
                "[outside](../elsewhere.md)",
                "`[in a code span](nowhere.md)`",
                "```md",
                "[in a fence](nowhere.md)",
                "```"));

            var broken = MarkdownLinks.Check(folder.FullName, ["README.md"]);

            broken.Select(b => (b.Line, b.Target)).ShouldBe([(3, "docs/missing.md"), (4, "docs/guide.md#token"), (5, "../elsewhere.md")]);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
