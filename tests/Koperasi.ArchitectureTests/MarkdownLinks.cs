using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Koperasi.ArchitectureTests;

/// <summary>
/// The relative links of Markdown files and whether they resolve, as GitHub renders them: a link
/// is <c>[text](target)</c> outside code (fenced blocks and code spans); its path, relative to the
/// file, names an existing file or folder inside the repository; its <c>#anchor</c> names a heading
/// of the target Markdown file (or of the file itself) by GitHub's rules.
/// </summary>
internal static partial class MarkdownLinks
{
    /// <summary>One link that does not resolve: where it is, what it says, and why.</summary>
    public sealed record Broken(string File, int Line, string Target, string Reason)
    {
        public override string ToString() => $"{File}:{Line}: ({Target}) {Reason}";
    }

    /// <summary>Every broken relative link of <paramref name="files"/> (paths relative to <paramref name="root"/>).</summary>
    public static IReadOnlyList<Broken> Check(string root, IEnumerable<string> files)
    {
        var broken = new List<Broken>();
        var fullRoot = Path.GetFullPath(root);
        foreach (var file in files)
        {
            var path = Path.Combine(fullRoot, file);
            foreach (var (line, target) in Links(File.ReadAllText(path)))
            {
                if (Resolve(fullRoot, path, target) is { } reason)
                {
                    broken.Add(new Broken(file.Replace(Path.DirectorySeparatorChar, '/'), line, target, reason));
                }
            }
        }

        return broken;
    }

    /// <summary>Why <paramref name="target"/>, linked from <paramref name="from"/>, does not resolve; null when it does.</summary>
    private static string? Resolve(string root, string from, string target)
    {
        if (Scheme().IsMatch(target))
        {
            return null; // http:, https:, mailto: ... are not the repository's to check
        }

        var hash = target.IndexOf('#', StringComparison.Ordinal);
        var pathPart = Uri.UnescapeDataString(hash < 0 ? target : target[..hash]);
        var anchor = hash < 0 ? null : Uri.UnescapeDataString(target[(hash + 1)..]);
        if (pathPart.StartsWith('/'))
        {
            return "an absolute path: link relative to the file";
        }

        var resolved = pathPart.Length == 0 ? from : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(from)!, pathPart));
        if (!resolved.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && resolved != root)
        {
            return "leaves the repository";
        }

        if (!File.Exists(resolved) && !Directory.Exists(resolved))
        {
            return $"no file or folder {Path.GetRelativePath(root, resolved)}";
        }

        if (anchor is null)
        {
            return null;
        }

        if (!resolved.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || !File.Exists(resolved))
        {
            return "an anchor into a file that is not Markdown";
        }

        return Anchors(File.ReadAllText(resolved)).Contains(anchor)
            ? null
            : $"no heading with the anchor #{anchor} in {Path.GetRelativePath(root, resolved)}";
    }

    /// <summary>Every <c>[text](target)</c> outside code, with its 1-based line.</summary>
    public static IEnumerable<(int Line, string Target)> Links(string markdown)
    {
        foreach (var (number, line) in Prose(markdown))
        {
            foreach (Match link in InlineLink().Matches(CodeSpan().Replace(line, "")))
            {
                yield return (number, link.Groups["target"].Value);
            }
        }
    }

    /// <summary>The anchors GitHub gives the headings of <paramref name="markdown"/>, duplicates numbered.</summary>
    public static IReadOnlySet<string> Anchors(string markdown)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (_, line) in Prose(markdown))
        {
            if (Heading().Match(line) is { Success: true } heading)
            {
                var slug = Slug(heading.Groups["text"].Value);
                var count = seen.GetValueOrDefault(slug);
                seen[slug] = count + 1;
                anchors.Add(count == 0 ? slug : $"{slug}-{count}");
            }
        }

        return anchors;
    }

    /// <summary>
    /// GitHub's anchor of a heading: its text as rendered (code marks and link targets dropped),
    /// lower case, every character that is not a letter, digit, space, '-' or '_' removed, and each
    /// space a '-'.
    /// </summary>
    public static string Slug(string heading)
    {
        var text = InlineLink().Replace(heading.Trim(), m => m.Groups["text"].Value).Replace("`", "", StringComparison.Ordinal);
        var slug = new StringBuilder();
        foreach (var c in text.ToLower(CultureInfo.InvariantCulture))
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_')
            {
                slug.Append(c);
            }
            else if (c == ' ')
            {
                slug.Append('-');
            }
        }

        return slug.ToString();
    }

    /// <summary>The lines outside fenced code blocks, with their 1-based numbers.</summary>
    private static IEnumerable<(int Number, string Line)> Prose(string markdown)
    {
        string? fence = null;
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var trimmed = lines[i].TrimStart(' ');
            var opening = Fence().Match(trimmed);
            if (fence is null)
            {
                if (opening.Success && lines[i].Length - trimmed.Length <= 3)
                {
                    fence = opening.Value;
                    continue;
                }

                yield return (i + 1, lines[i]);
            }
            else if (opening.Success && opening.Value[0] == fence[0] && opening.Value.Length >= fence.Length
                && trimmed[opening.Value.Length..].Trim().Length == 0)
            {
                fence = null;
            }
        }
    }

    [GeneratedRegex(@"^(```+|~~~+)")]
    private static partial Regex Fence();

    [GeneratedRegex(@"(`+)(?:(?!\1).)+?\1")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"(?<!!)\[(?<text>[^\]]*)\]\((?<target>[^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex InlineLink();

    [GeneratedRegex(@"^#{1,6}\s+(?<text>.*?)\s*#*\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex Scheme();
}
