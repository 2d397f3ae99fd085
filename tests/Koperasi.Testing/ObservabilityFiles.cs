using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Koperasi.Testing;

/// <summary>
/// deploy/observability as the suite reads it: the PromQL of every Grafana dashboard and of the
/// alert rules, the metric names those queries use, and the metric names the code declares.
/// </summary>
public static partial class ObservabilityFiles
{
    public static string Root { get; } = SourceTree.Root;

    public static string Folder => Path.Combine(Root, "deploy", "observability");

    /// <summary>Every dashboard JSON file.</summary>
    public static IReadOnlyList<string> Dashboards() =>
        [.. Directory.GetFiles(Path.Combine(Folder, "grafana", "dashboards"), "*.json").Order(StringComparer.Ordinal)];

    /// <summary>(dashboard file, panel title, expression) of every query of every panel, rows' panels included.</summary>
    public static IEnumerable<(string File, string Panel, string Expression)> DashboardQueries()
    {
        foreach (var file in Dashboards())
        {
            var dashboard = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
            foreach (var panel in Panels(dashboard["panels"] as JsonArray))
            {
                foreach (var target in (panel["targets"] as JsonArray ?? []).OfType<JsonObject>())
                {
                    yield return (Path.GetFileName(file), panel["title"]?.ToString() ?? "", target["expr"]?.ToString() ?? "");
                }
            }

            foreach (var variable in (dashboard["templating"]?["list"] as JsonArray ?? []).OfType<JsonObject>())
            {
                if (variable["definition"]?.ToString() is { Length: > 0 } definition)
                {
                    yield return (Path.GetFileName(file), $"variable {variable["name"]}", definition);
                }
            }
        }
    }

    /// <summary>(alert, expression) of every rule of alert-rules.yml (read line by line: `expr:` scalars and `|` blocks).</summary>
    public static IEnumerable<(string Alert, string Expression)> AlertQueries()
    {
        var lines = File.ReadAllLines(Path.Combine(Folder, "alert-rules.yml"));
        var alert = "";
        for (var i = 0; i < lines.Length; i++)
        {
            if (AlertLine().Match(lines[i]) is { Success: true } a)
            {
                alert = a.Groups[1].Value;
            }
            else if (ExprLine().Match(lines[i]) is { Success: true } e)
            {
                var expression = e.Groups[1].Value.Trim();
                if (expression == "|")
                {
                    var indent = lines[i].IndexOf("expr", StringComparison.Ordinal);
                    var block = new List<string>();
                    while (i + 1 < lines.Length && (lines[i + 1].Length - lines[i + 1].TrimStart().Length > indent || lines[i + 1].Trim().Length == 0))
                    {
                        block.Add(lines[++i].Trim());
                    }

                    expression = string.Join(' ', block);
                }

                yield return (alert, expression);
            }
        }
    }

    /// <summary>The metric names a PromQL expression reads (label names, functions and keywords left out).</summary>
    public static IReadOnlyList<string> MetricNames(string expression)
    {
        var bare = Braces().Replace(Quoted().Replace(expression, "\"\""), " ");
        bare = Grouping().Replace(Ranges().Replace(bare, " "), " ");
        bare = LabelValues().Replace(bare, "$1");
        return [.. Identifier().Matches(bare)
            .Where(m => !Keywords.Contains(m.Value) && !IsFunctionCall(bare, m))
            .Select(m => m.Value)
            .Distinct()];
    }

    /// <summary>
    /// The Prometheus names of the metrics the services declare in code (Meter.Create*, business
    /// gauges): counters end in _total, histograms in _bucket/_count/_sum after their unit (s: _seconds).
    /// A counter appears at /metrics only once it counted something, so a scrape alone misses them.
    /// </summary>
    public static IReadOnlySet<string> DeclaredInCode()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var sources = new[] { "building-blocks", "services" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(Root, d), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        foreach (var source in sources)
        {
            var text = File.ReadAllText(source);
            foreach (Match m in Instrument().Matches(text))
            {
                var name = m.Groups["name"].Value.Replace('.', '_');
                var unit = m.Groups["unit"].Value switch { "s" => "_seconds", "ms" => "_milliseconds", "By" => "_bytes", _ => "" };
                switch (m.Groups["kind"].Value)
                {
                    case "Counter" or "ObservableCounter":
                        names.Add($"{name}{unit}_total");
                        break;
                    case "Histogram":
                        names.UnionWith(new[] { "_bucket", "_count", "_sum" }.Select(suffix => $"{name}{unit}{suffix}"));
                        break;
                    default:
                        names.Add($"{name}{unit}");
                        break;
                }
            }

            foreach (Match m in GaugeName().Matches(text))
            {
                names.Add(m.Groups["name"].Value.Replace('.', '_'));
            }
        }

        return names;
    }

    private static bool IsFunctionCall(string text, Match m)
    {
        var after = m.Index + m.Length;
        while (after < text.Length && text[after] == ' ')
        {
            after++;
        }

        return after < text.Length && text[after] == '(';
    }

    private static IEnumerable<JsonObject> Panels(JsonArray? panels)
    {
        foreach (var panel in (panels ?? []).OfType<JsonObject>())
        {
            yield return panel;
            foreach (var inner in Panels(panel["panels"] as JsonArray))
            {
                yield return inner;
            }
        }
    }

    private static readonly HashSet<string> Keywords = ["by", "without", "on", "ignoring", "group_left", "group_right", "bool", "offset", "and", "or", "unless", "inf", "nan", "Inf", "NaN"];

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Braces();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex Ranges();

    [GeneratedRegex(@"\b(by|without|on|ignoring)\s*\([^)]*\)")]
    private static partial Regex Grouping();

    /// <summary>label_values(metric, label): the metric stays, the label goes.</summary>
    [GeneratedRegex(@"label_values\(\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\s*,\s*[a-zA-Z_][a-zA-Z0-9_]*\s*\)")]
    private static partial Regex LabelValues();

    [GeneratedRegex(@"(?<![\w$.])[a-zA-Z_:][a-zA-Z0-9_:]*")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"^\s*-\s*alert:\s*(\S+)")]
    private static partial Regex AlertLine();

    [GeneratedRegex(@"^\s*expr:\s*(.*)$")]
    private static partial Regex ExprLine();

    [GeneratedRegex("""Create(?<kind>Counter|Histogram|UpDownCounter|ObservableGauge|ObservableCounter|Gauge)<\w+>\("(?<name>koperasi\.[a-z0-9_.]+)"(?:[^;]*?unit:\s*"(?<unit>[^"]*)")?""")]
    private static partial Regex Instrument();

    [GeneratedRegex("""const string Name = "(?<name>koperasi\.[a-z0-9_.]+)";""")]
    private static partial Regex GaugeName();
}
