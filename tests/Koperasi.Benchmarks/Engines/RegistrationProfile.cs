using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Koperasi.Benchmarks.Engines;

/// <summary>
/// Where one registration's time goes (issue 15: "where do 19 ms go for four events?"). The
/// Registry runs in this process, so the harness listens to the spans it emits anyway: ASP.NET
/// Core's request (the time on the service, from Kestrel's first byte to the response's last) and
/// every PostgreSQL round trip Npgsql makes within it (a command or a batch, with its SQL). The rest
/// of the service's time is outside the database: authentication, routing, validation, the
/// aggregate's decision, Marten's staging of the events and inline projections, serialisation.
/// One registration at a time, straight to the service and then through the gateway (the hop).
/// </summary>
public static partial class RegistrationProfile
{
    private static readonly string[] Sources = ["Microsoft.AspNetCore", "Npgsql"];

    /// <summary>Profiles <paramref name="count"/> registrations; returns the Markdown of the breakdown.</summary>
    public static async Task<string> RunAsync(HttpClient direct, HttpClient gateway, string schema, int count, CancellationToken cancellationToken)
    {
        var spans = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => Sources.Contains(source.Name),
            Sample = (ref _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);

        var clientTimes = new List<double>(count);
        var traces = new List<ActivityTraceId>(count);
        for (var i = 0; i < count; i++)
        {
            // The client's own span ties the server's spans to this registration.
            using var root = new Activity("registration").SetIdFormat(ActivityIdFormat.W3C).Start();
            var started = Stopwatch.GetTimestamp();
            _ = await EngineBenchmark.RegisterNewAsync(direct, cancellationToken) ?? throw new InvalidOperationException("A profiled registration was not accepted.");
            clientTimes.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            traces.Add(root.TraceId);
        }

        var throughGateway = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            _ = await EngineBenchmark.RegisterNewAsync(gateway, cancellationToken) ?? throw new InvalidOperationException("A profiled registration was not accepted.");
            throughGateway.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        var byTrace = spans.ToLookup(s => s.TraceId);
        var server = new List<double>();
        var database = new List<double>();
        var roundTrips = new List<double>();
        var statements = new Dictionary<string, List<double>>();
        foreach (var trace in traces)
        {
            var of = byTrace[trace].ToList();
            if (of.FirstOrDefault(s => s.Source.Name == "Microsoft.AspNetCore") is not { } request)
            {
                continue;
            }

            var queries = of.Where(s => s.Source.Name == "Npgsql").ToList();
            server.Add(request.Duration.TotalMilliseconds);
            database.Add(queries.Sum(q => q.Duration.TotalMilliseconds));
            roundTrips.Add(queries.Count);
            foreach (var query in queries)
            {
                var label = Label(query, schema);
                if (!statements.TryGetValue(label, out var times))
                {
                    statements[label] = times = [];
                }

                times.Add(query.Duration.TotalMilliseconds);
            }
        }

        if (server.Count == 0)
        {
            return "No request span was recorded: the breakdown could not be made.\n";
        }

        var md = new StringBuilder();
        var p50Server = EngineBenchmark.Median(server);
        var p50Database = EngineBenchmark.Median(database);
        md.AppendLine(CultureInfo.InvariantCulture, $"{server.Count} registrations one at a time, p50 in ms (the sum of the parts' medians is not the median of the sums).");
        md.AppendLine();
        md.AppendLine("| part | p50 ms | per registration |");
        md.AppendLine("|---|--:|--:|");
        md.AppendLine(CultureInfo.InvariantCulture, $"| through the gateway, at the client | {EngineBenchmark.Median(throughGateway):F1} | |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| straight to the service, at the client (HTTP on loopback) | {EngineBenchmark.Median(clientTimes):F1} | |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| on the service (ASP.NET Core's request span) | {p50Server:F1} | |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| in PostgreSQL round trips (Npgsql's spans, summed) | {p50Database:F1} | {EngineBenchmark.Median(roundTrips):F0} round trips |");
        foreach (var (label, times) in statements.OrderByDescending(s => s.Value.Sum()))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| &nbsp; `{label}` | {EngineBenchmark.Median(times):F1} | {times.Count / (double)server.Count:0.##} |");
        }

        md.AppendLine(CultureInfo.InvariantCulture, $"| outside the database on the service (auth, validation, decision, Marten's staging, JSON), p50 of each request's rest | {EngineBenchmark.Median([.. server.Zip(database, (s, d) => s - d)]):F1} | |");
        System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  Profile: gateway {EngineBenchmark.Median(throughGateway):F1} ms, direct {EngineBenchmark.Median(clientTimes):F1} ms, service {p50Server:F1} ms, PostgreSQL {p50Database:F1} ms in {EngineBenchmark.Median(roundTrips):F0} round trips"));
        return md.ToString();
    }

    /// <summary>The statement's first words, without the schema, the values or the whitespace.</summary>
    private static string Label(Activity query, string schema)
    {
        if (query.GetTagItem("db.operation.batch.size") is { } size)
        {
            return $"a batch of {size} statements (Marten's SaveChanges: events, stream, documents, inline projections)";
        }

        var text = query.GetTagItem("db.query.text") as string ?? query.GetTagItem("db.statement") as string ?? query.DisplayName;
        text = Whitespace().Replace(text.Replace($"{schema}.", "", StringComparison.Ordinal), " ").Trim();
        var statements = text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Length;
        var head = text.Length > 70 ? $"{text[..70]}…" : text;
        return (statements > 1 ? $"{head} (+{statements - 1} more in the batch)" : head).Replace("|", "\\|", StringComparison.Ordinal).Replace("`", "'", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
