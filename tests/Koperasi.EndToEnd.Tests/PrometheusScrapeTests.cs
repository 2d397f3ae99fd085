using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Koperasi.Testing;

namespace Koperasi.EndToEnd.Tests;

/// <summary>
/// A real Prometheus (Debian's package; ./test.sh installs it) configured by
/// deploy/observability/prometheus-local.sh, as <c>./run.sh --observability</c> configures it, scrapes
/// the Registry, Transformation, Funding and the gateway of the README platform (real loopback
/// ports), loads the alert rules, and knows every metric the dashboards and the alert rules read.
/// Without the package the test skips, except under CI (CI=true) where it fails.
/// </summary>
[Collection(ReadmePlatformCollection.Name)]
public sealed class PrometheusScrapeTests(ReadmePlatform platform)
{
    /// <summary>
    /// Series that exist only once something failed (a consumer threw), which the platform of a test
    /// run does not do on purpose; RabbitMQ's own series come from its plugin, not from a service.
    /// </summary>
    private static readonly HashSet<string> OnlyAfterAFailure = ["messaging_masstransit_consume_errors_ea_total"];

    [Fact]
    public async Task A_real_Prometheus_scrapes_every_service_and_the_gateway_with_the_alert_rules()
    {
        var prometheus = Tool("prometheus");
        var folder = Directory.CreateTempSubdirectory("koperasi-prometheus-");
        var port = FreePort();
        var targets = new Dictionary<string, Uri>
        {
            ["registry"] = platform.RegistryClient.BaseAddress!,
            ["transformation"] = platform.TransformationClient.BaseAddress!,
            ["funding"] = platform.FundingClient.BaseAddress!,
            ["gateway"] = platform.GatewayAddress,
        };
        var config = Path.Combine(folder.FullName, "prometheus.yml");
        await RunAsync("bash", [Path.Combine(ObservabilityFiles.Folder, "prometheus-local.sh"), "config", config, .. targets.Select(t => $"{t.Key}={t.Value.Host}:{t.Value.Port}")]);

        using var server = Start(prometheus, config, Path.Combine(folder.FullName, "data"), port);
        using var api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        try
        {
            var active = await Eventually.ValueAsync(
                async () =>
                {
                    var found = await GetAsync(api, "/api/v1/targets?state=active");
                    var list = (found?["activeTargets"] as JsonArray ?? []).OfType<JsonObject>().ToList();
                    return list.Count == targets.Count && list.All(t => t["health"]?.ToString() == "up") ? list : null;
                },
                "Prometheus to scrape every target successfully",
                TimeSpan.FromSeconds(60));
            active.Select(t => t["labels"]!["job"]!.ToString()).Order().ShouldBe(targets.Keys.Order());

            var rules = await Eventually.ValueAsync(
                async () =>
                {
                    var groups = (await GetAsync(api, "/api/v1/rules"))?["groups"] as JsonArray ?? [];
                    var all = groups.SelectMany(g => (g!["rules"] as JsonArray ?? []).OfType<JsonObject>()).ToList();
                    return all.Count > 0 && all.All(r => r["lastEvaluation"]?.ToString() is { } at && !at.StartsWith("0001", StringComparison.Ordinal)) ? all : null;
                },
                "Prometheus to evaluate the alert rules once",
                TimeSpan.FromSeconds(60));
            rules.Where(r => r["health"]?.ToString() != "ok").Select(r => $"{r["name"]}: {r["lastError"]}").ShouldBeEmpty();
            rules.Select(r => r["name"]!.ToString()).ShouldBe(ObservabilityFiles.AlertQueries().Select(a => a.Alert).Distinct(), ignoreOrder: true);

            // Every metric a dashboard panel or an alert reads is one Prometheus scraped from the
            // services, or one the code declares that appears at its first count.
            var scraped = ((await GetAsync(api, "/api/v1/label/__name__/values")) as JsonArray ?? []).Select(n => n!.ToString()).ToHashSet();
            var known = scraped.Union(ObservabilityFiles.DeclaredInCode()).Union(OnlyAfterAFailure).ToHashSet();
            var read = ObservabilityFiles.DashboardQueries().SelectMany(q => ObservabilityFiles.MetricNames(q.Expression).Select(m => $"{q.File} \"{q.Panel}\": {m}"))
                .Concat(ObservabilityFiles.AlertQueries().SelectMany(a => ObservabilityFiles.MetricNames(a.Expression).Select(m => $"alert {a.Alert}: {m}")))
                .ToList();
            read.Count.ShouldBeGreaterThan(20);
            var unknown = read.Where(r => r.Split(": ")[^1] is var metric && !metric.StartsWith("rabbitmq_", StringComparison.Ordinal) && !known.Contains(metric)).ToList();
            unknown.ShouldBeEmpty($"metrics no service exports; Prometheus scraped: {string.Join(", ", scraped.Order())}");
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            folder.Delete(recursive: true);
        }
    }

    private static async Task<JsonNode?> GetAsync(HttpClient api, string path)
    {
        try
        {
            using var response = await api.GetAsync(new Uri(path, UriKind.Relative));
            return response.IsSuccessStatusCode ? JsonNode.Parse(await response.Content.ReadAsStringAsync())?["data"] : null;
        }
        catch (HttpRequestException)
        {
            return null; // not listening yet
        }
    }

    private static Process Start(string prometheus, string config, string data, int port)
    {
        var start = new ProcessStartInfo(prometheus) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { $"--config.file={config}", $"--storage.tsdb.path={data}", $"--web.listen-address=127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task RunAsync(string tool, string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        start.Environment["KOPERASI_PROMETHEUS_SCRAPE_INTERVAL"] = "1s";
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0, await errors);
    }

    private static string Tool(string name)
    {
        var tool = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);
        if (tool is null)
        {
            var message = $"{name} is not installed (Debian package prometheus; ./test.sh installs it)";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException(message);
            }

            Assert.Skip(message);
        }

        return tool!;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
