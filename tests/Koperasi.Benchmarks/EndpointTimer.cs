using System.Diagnostics;

namespace Koperasi.Benchmarks;

/// <summary>Latencies of one call, in milliseconds, with the size of its answer.</summary>
public sealed record Timing(string Name, string Url, int Iterations, double P50, double P95, double Max, double Mean, int Bytes)
{
    public static Timing From(string name, string url, IReadOnlyList<double> samples, int bytes)
    {
        var sorted = samples.Order().ToArray();
        return new Timing(name, url, sorted.Length, Percentile(sorted, 50), Percentile(sorted, 95), sorted[^1], sorted.Average(), bytes);
    }

    /// <summary>Nearest rank: the smallest sample with at least p % of the samples at or below it.</summary>
    private static double Percentile(double[] sorted, int p) => sorted[Math.Max(0, (int)Math.Ceiling(p / 100.0 * sorted.Length) - 1)];
}

/// <summary>
/// Times GET requests one after the other through the in-process host: a few untimed requests
/// first (JIT, connection pool, PostgreSQL's buffers), then the timed ones, each read to its end.
/// </summary>
public sealed class EndpointTimer(HttpClient client, int warmup, int iterations)
{
    public async Task<Timing> TimeAsync(string name, Func<int, string> url, CancellationToken cancellationToken)
    {
        var bytes = 0;
        for (var i = 0; i < warmup; i++)
        {
            bytes = await GetAsync(url(i), cancellationToken);
        }

        var samples = new List<double>(iterations);
        for (var i = 0; i < iterations; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await GetAsync(url(warmup + i), cancellationToken);
            samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        var timing = Timing.From(name, url(0), samples, bytes);
        System.Console.WriteLine($"  {name,-44} p50 {timing.P50,8:F1} ms  p95 {timing.P95,8:F1} ms  max {timing.Max,8:F1} ms");
        return timing;
    }

    public Task<Timing> TimeAsync(string name, string url, CancellationToken cancellationToken) =>
        TimeAsync(name, _ => url, cancellationToken);

    private async Task<int> GetAsync(string url, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return response.IsSuccessStatusCode
            ? body.Length
            : throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)}");
    }
}
