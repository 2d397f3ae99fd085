using System.Text.RegularExpressions;

namespace Koperasi.ArchitectureTests;

/// <summary>
/// Every write to an existing stream goes through FetchForWriting (ADR 0013), in the services and in
/// the tools (demo loads) alike. A bare <c>session.Events.Append</c> under Marten's quick append does
/// not know the stream's version: the inline projections then store the aggregate at version 0, an
/// ETag no If-Match can match (the demo koperasi of December 2026). Read from the sources, so a new
/// file is covered without touching this test; the tests themselves may still seed with Append.
/// The one exception is <c>VersionedAppend.AppendAt</c> (ADR 0030): an append at the version of the
/// stream's document read in the same unit of work, which tells Marten the version.
/// </summary>
public partial class StreamAppendTests
{
    private static readonly string Root = Repository.Root;

    [GeneratedRegex(@"\.Events\s*\.\s*Append\s*\(")]
    private static partial Regex BareAppend();

    /// <summary>Whether a line of C# appends to a stream without fetching it for writing.</summary>
    public static bool AppendsBare(string line) => BareAppend().IsMatch(line);

    [Fact]
    public void The_rule_tells_a_bare_append_from_a_fetched_stream_s()
    {
        AppendsBare("session.Events.Append(id, events);").ShouldBeTrue();
        AppendsBare("other.Events .Append (id, new TallyAdded(1));").ShouldBeTrue();
        AppendsBare("stream.AppendMany(events);").ShouldBeFalse();
        AppendsBare("stream.AppendOne(e);").ShouldBeFalse();
        AppendsBare("session.Events.StartStream<Cooperative>(id, events);").ShouldBeFalse();
        AppendsBare("session.AppendAt(applicationId, application.Version, decree);").ShouldBeFalse();
    }

    [Fact]
    public void No_service_or_tool_appends_to_a_stream_without_fetching_it_for_writing()
    {
        var sources = new[] { "services", "tools", "building-blocks" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(Root, folder), "*.cs", SearchOption.AllDirectories))
            .Where(p => !Path.GetRelativePath(Root, p).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .ToList();
        sources.ShouldNotBeEmpty();
        sources
            .SelectMany(path => File.ReadLines(path).Select((line, i) => (Path: Path.GetRelativePath(Root, path), Line: i + 1, Text: line)))
            .Where(l => AppendsBare(l.Text) && l.Path != Path.Combine("building-blocks", "Koperasi.ServiceDefaults", "Streams", "VersionedAppend.cs"))
            .Select(l => $"{l.Path}:{l.Line}: {l.Text.Trim()}")
            .ShouldBeEmpty("append through session.Events.FetchForWriting (or StreamStep), or at a version read (VersionedAppend.AppendAt), so the inline projections know the stream's version");
    }
}
