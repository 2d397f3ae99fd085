using System.Text;
using System.Text.RegularExpressions;

namespace Koperasi.ArchitectureTests;

/// <summary>
/// API problem texts are English (ADR 0014): a screen in Bahasa Indonesia translates the stable
/// problem type, not the detail. Read from the sources, so a new rule in any service is covered
/// without touching this test: every string literal (and the text of every interpolated string)
/// passed to a call that makes a problem text — a domain error, a validation refusal, a problem,
/// a case's rejection, a health result — must hold no Indonesian function word.
/// </summary>
/// <remarks>
/// Why function words: any Indonesian sentence of more than a few words carries one (yang, tidak,
/// dari, untuk, sudah, belum, ...), none of them is an English word, and none is one of the domain
/// names that stay Indonesian in English texts (koperasi, RAT, pembina, Dumisake, simpan-pinjam,
/// aktif / tidak-aktif as written in the API). A hyphenated value such as <c>tidak-aktif</c> is one
/// word, and so not <c>tidak</c>.
/// </remarks>
public partial class ProblemTextsAreEnglishTests
{
    private static readonly string Root = Repository.Root;

    /// <summary>Indonesian words that are not English and are no domain name kept in Indonesian.</summary>
    private static readonly HashSet<string> IndonesianWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "yang", "tidak", "dan", "dari", "untuk", "dengan", "sudah", "belum", "ini", "itu", "atau", "dalam", "pada",
        "oleh", "harus", "wajib", "boleh", "adalah", "setelah", "sebelum", "sejak", "bukan", "sedang", "telah",
        "lebih", "kurang", "antara", "paling", "banyak", "sedikitnya", "memerlukan", "diisi", "dikenal", "tercatat",
        "tercapai", "hadir", "setuju", "menolak", "berlaku", "sekarang", "sama", "tanggal", "nomor", "karakter",
        "tahun", "halaman", "kode", "kasus", "usul", "peserta", "anggota", "rapat", "akta", "pengesahan", "keputusan",
        "penerapan", "disetujui", "ditolak", "ditarik", "selesai", "layanan", "siap", "menjawab", "terdiri", "angka",
        "masuk", "akal", "gunakan", "seperti", "hanya", "dapat", "tidak", "ikut", "bubar", "baru", "lagi", "hari",
    };

    /// <summary>Calls whose string arguments become a problem's title, detail or errors, or a rejection's reason.</summary>
    [GeneratedRegex(@"\b(?:Conflict|Unprocessable|DomainError|Check|Add|AddPersonalData|Validation|ValidationProblem|NotFound|Problem|Rejected|Fail|Healthy|Unhealthy|Degraded)\s*\(")]
    private static partial Regex ProblemCall();

    [GeneratedRegex(@"[\p{L}]+(?:-[\p{L}]+)*")]
    private static partial Regex Word();

    /// <summary>
    /// The Indonesian function words in a text (a hyphenated word counts as one). A value in single
    /// quotes is what a caller may write ('ya', 'tidak'), not the text's language.
    /// </summary>
    public static IReadOnlyList<string> IndonesianIn(string text) =>
        [.. Word().Matches(Quoted().Replace(text, "")).Select(m => m.Value).Where(IndonesianWords.Contains)];

    [GeneratedRegex(@"(?<!\p{L})'[^'\s]{1,30}'")]
    private static partial Regex Quoted();

    [Fact]
    public void The_word_check_tells_the_old_Indonesian_texts_from_their_English_ones()
    {
        IndonesianIn("Rapat anggota Koperasi Maju Bersama dihadiri 40 dari 100 anggota; kuorum 3/4 tidak tercapai.").ShouldNotBeEmpty();
        IndonesianIn("Kode pos terdiri dari 5 angka.").ShouldNotBeEmpty();
        IndonesianIn("Halaman dihitung dari 1.").ShouldNotBeEmpty();
        IndonesianIn("The members' meeting of Koperasi Maju Bersama was attended by 40 of 100 members; the quorum of 3/4 was not met.").ShouldBeEmpty();
        IndonesianIn("The koperasi is tidak-aktif: it held no RAT for three financial years (Dumisake, simpan-pinjam).").ShouldBeEmpty();
        IndonesianIn("Write true or false ('ya' or 'tidak' are read too).").ShouldBeEmpty();
        IndonesianIn("The members' meeting was not held; sudah.").ShouldBe(["sudah"]);
        IndonesianIn("The koperasi's domicile yang the ministry's ratification.").ShouldBe(["yang"]);
    }

    [Fact]
    public void The_scan_reads_string_arguments_of_problem_calls_and_skips_everything_else()
    {
        const string source = """
            // v.Check(false, "x", "komentar yang diabaikan");
            var label = "Kasus transformasi";
            v.Check(ok, "q", $"Antara 1 dan {string.Join(", ", values)} (\"kutip\").");
            return DomainError.Conflict(
                "rule",
                @"Sudah ""tercatat"".");
            """;

        var texts = ProblemTexts(source).ToList();

        texts.ShouldBe(["q", "Antara 1 dan  (\\\"kutip\\\").", "rule", "Sudah \"\"tercatat\"\"."]);
    }

    [Fact]
    public void Every_problem_text_in_the_services_and_building_blocks_is_English()
    {
        var texts = Sources()
            .SelectMany(path => ProblemTexts(File.ReadAllText(path)).Select(text => (Path: Path.GetRelativePath(Root, path), Text: text)))
            .ToList();

        texts.Count.ShouldBeGreaterThan(300, "the scan should find the platform's problem texts; a smaller count means it broke");
        texts
            .Where(t => IndonesianIn(t.Text).Count > 0)
            .Select(t => $"{t.Path}: \"{t.Text}\" ({string.Join(", ", IndonesianIn(t.Text))})")
            .ShouldBeEmpty("problem details and titles are English; a screen translates the stable type (ADR 0014)");
    }

    private static IEnumerable<string> Sources() =>
        new[] { "services", "building-blocks" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(Root, folder), "*.cs", SearchOption.AllDirectories))
            .Where(p => !Path.GetRelativePath(Root, p).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"));

    /// <summary>The text of every string literal among the arguments of a problem-making call.</summary>
    public static IEnumerable<string> ProblemTexts(string source)
    {
        var (code, literals) = Lex(source);
        foreach (Match call in ProblemCall().Matches(code))
        {
            var open = call.Index + call.Length - 1;
            var close = MatchingParenthesis(code, open);
            foreach (var literal in literals.Where(l => l.Start > open && l.Start < close))
            {
                yield return literal.Text;
            }
        }
    }

    private static int MatchingParenthesis(string code, int open)
    {
        var depth = 0;
        for (var i = open; i < code.Length; i++)
        {
            depth += code[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (depth == 0)
            {
                return i;
            }
        }

        return code.Length;
    }

    private sealed record Literal(int Start, string Text);

    /// <summary>
    /// The source with comments and string literals blanked (so parentheses can be counted), and
    /// the literals' texts; an interpolated string's text leaves its holes out.
    /// </summary>
    private static (string Code, List<Literal> Literals) Lex(string source)
    {
        var code = new StringBuilder(source);
        var literals = new List<Literal>();
        var i = 0;
        while (i < source.Length)
        {
            var start = i;
            if (source[i] == '/' && i + 1 < source.Length && source[i + 1] is '/' or '*')
            {
                var end = source[i + 1] == '/' ? source.IndexOf('\n', i) : source.IndexOf("*/", i + 2, StringComparison.Ordinal) + 1;
                i = end <= 0 ? source.Length : end + 1;
            }
            else if (source[i] == '\'')
            {
                i = source.IndexOf('\'', source[i + 1] == '\\' ? i + 3 : i + 2) + 1;
            }
            else if (StringStart(source, i) is { } prefix)
            {
                var text = new StringBuilder();
                i = ReadString(source, i + prefix.Length, prefix, text);
                literals.Add(new Literal(start, text.ToString()));
            }
            else
            {
                i++;
                continue;
            }

            for (var k = start; k < Math.Min(i, source.Length); k++)
            {
                code[k] = source[k] == '\n' ? '\n' : ' ';
            }
        }

        return (code.ToString(), literals);
    }

    /// <summary>The prefix and opening quotes of a string starting at <paramref name="i"/> ("$@\"", "\"\"\""), or null.</summary>
    private static string? StringStart(string source, int i)
    {
        var j = i;
        while (j < source.Length && source[j] is '$' or '@')
        {
            j++;
        }

        if (j >= source.Length || source[j] != '"' || (j > i && i > 0 && (char.IsLetterOrDigit(source[i - 1]) || source[i - 1] == '_')))
        {
            return null;
        }

        var quotes = 0;
        while (j + quotes < source.Length && source[j + quotes] == '"')
        {
            quotes++;
        }

        return source[i..j] + new string('"', quotes >= 3 ? quotes : 1);
    }

    private static int ReadString(string source, int i, string prefix, StringBuilder text)
    {
        var quotes = prefix.Count(c => c == '"');
        var interpolated = prefix.Contains('$', StringComparison.Ordinal);
        var braces = Math.Max(1, prefix.Count(c => c == '$'));
        var verbatim = prefix.Contains('@', StringComparison.Ordinal);
        while (i < source.Length)
        {
            var c = source[i];
            if (quotes >= 3 && string.CompareOrdinal(source, i, new string('"', quotes), 0, quotes) == 0)
            {
                return i + quotes;
            }

            if (quotes == 1 && c == '"')
            {
                if (verbatim && i + 1 < source.Length && source[i + 1] == '"')
                {
                    text.Append("\"\"");
                    i += 2;
                    continue;
                }

                return i + 1;
            }

            if (quotes == 1 && !verbatim && c == '\\')
            {
                text.Append(source, i, 2);
                i += 2;
                continue;
            }

            if (interpolated && c == '{')
            {
                var run = 0;
                while (i + run < source.Length && source[i + run] == '{')
                {
                    run++;
                }

                if (braces == 1 ? run == 1 : run >= braces)
                {
                    i = SkipHole(source, i + braces);
                    continue;
                }

                // "{{" in a $"" string, or fewer braces than a $$"""...""" string's holes: text.
                text.Append('{', braces == 1 ? 1 : run);
                i += braces == 1 ? 2 : run;
                continue;
            }

            text.Append(c);
            i++;
        }

        return i;
    }

    /// <summary>Skips an interpolation hole, strings inside it included; gives the index after its closing brace.</summary>
    private static int SkipHole(string source, int i)
    {
        var depth = 1;
        while (i < source.Length)
        {
            if (StringStart(source, i) is { } nested)
            {
                i = ReadString(source, i + nested.Length, nested, new StringBuilder());
                continue;
            }

            depth += source[i] switch { '{' => 1, '}' => -1, _ => 0 };
            i++;
            if (depth == 0)
            {
                return i;
            }
        }

        return i;
    }
}
