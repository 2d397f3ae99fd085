namespace Koperasi.EndToEnd.Tests;

/// <summary>
/// The walkthroughs <see cref="WalkthroughTests"/> runs are found where the guides keep them: each
/// expected one, once, in its guide, with its bash block right below its marker. Moving one out of the
/// documents read, into another guide, or deleting it fails here rather than running fewer
/// walkthroughs silently. Needs no platform.
/// </summary>
public sealed class WalkthroughCatalogueTests
{
    private static readonly (string Name, string Document)[] Expected =
    [
        ("registry", "docs/registry.md"),
        ("csv-import", "docs/registry.md"),
        ("supervision", "docs/registry.md"),
        ("merger", "docs/transformation.md"),
        ("amalgamation", "docs/transformation.md"),
        ("articles-amendment", "docs/transformation.md"),
        ("dissolution", "docs/transformation.md"),
        ("dumisake", "docs/funding.md"),
    ];

    [Fact]
    public void Each_expected_walkthrough_is_found_once_in_its_guide()
    {
        var found = Walkthroughs.AllWithDocuments().Select(w => (w.Name, w.Document)).ToList();

        found.OrderBy(w => w.Name, StringComparer.Ordinal).ShouldBe(Expected.OrderBy(w => w.Name, StringComparer.Ordinal));
    }

    [Fact]
    public void Every_marker_stands_right_above_a_bash_block()
    {
        // A marker whose block is not a bash fence right below it would be skipped silently.
        var markers = Walkthroughs.Documents()
            .Sum(document => Walkthroughs.Read(document).Split('\n').Count(line => line.StartsWith("<!-- walkthrough:", StringComparison.Ordinal)));

        markers.ShouldBe(Walkthroughs.All().Count);
    }

    [Fact]
    public void The_readme_and_the_guides_are_read()
    {
        var documents = Walkthroughs.Documents();

        documents[0].ShouldBe("README.md");
        documents.ShouldContain("docs/registry.md");
        documents.ShouldContain("docs/transformation.md");
        documents.ShouldContain("docs/funding.md");
        documents.ShouldContain("docs/adr/README.md"); // nested folders too
    }
}
