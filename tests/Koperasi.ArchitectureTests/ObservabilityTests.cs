using System.Text.Json;
using System.Text.Json.Nodes;

namespace Koperasi.ArchitectureTests;

/// <summary>
/// deploy/observability: the alert rules pass <c>promtool check rules</c> and their unit tests
/// (<c>promtool test rules</c>), cover what docs/operations.md promises, and are the ones
/// docker-compose's Prometheus loads; every Grafana dashboard is valid JSON whose panels all query
/// Prometheus, and an officers' dashboard in Bahasa Indonesia stands beside the engineers' one.
/// Whether the metrics they read exist is checked against a real scrape
/// (tests/Koperasi.EndToEnd.Tests/PrometheusScrapeTests.cs).
/// </summary>
public class ObservabilityTests
{
    private static readonly string Folder = Path.Combine(Repository.Root, "deploy", "observability");
    private static readonly string Rules = Path.Combine(Folder, "alert-rules.yml");

    [Fact]
    public async Task Promtool_accepts_the_alert_rules()
    {
        var promtool = OsTools.Need("promtool", "prometheus");
        var (exit, output, errors) = await OsTools.RunAsync(promtool, Folder, "check", "rules", Rules);
        exit.ShouldBe(0, output + errors);
        output.ShouldContain("SUCCESS");
    }

    [Fact]
    public async Task The_alert_rules_pass_their_unit_tests()
    {
        var promtool = OsTools.Need("promtool", "prometheus");
        var (exit, output, errors) = await OsTools.RunAsync(promtool, Folder, "test", "rules", Path.Combine(Folder, "alert-rules.test.yml"));
        exit.ShouldBe(0, output + errors);
    }

    [Fact]
    public async Task The_unit_tests_fail_when_an_alert_is_missing()
    {
        // Without the error-queue alert its unit test must fail: the tests do assert something.
        var promtool = OsTools.Need("promtool", "prometheus");
        var folder = Directory.CreateTempSubdirectory("koperasi-rules-");
        try
        {
            var rules = File.ReadAllText(Rules).Replace("alert: KoperasiErrorQueueNotEmpty", "alert: SomethingElse", StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(folder.FullName, "alert-rules.yml"), rules);
            File.Copy(Path.Combine(Folder, "alert-rules.test.yml"), Path.Combine(folder.FullName, "alert-rules.test.yml"));
            var (exit, output, errors) = await OsTools.RunAsync(promtool, folder.FullName, "test", "rules", "alert-rules.test.yml");
            exit.ShouldNotBe(0);
            (output + errors).ShouldContain("alertname: KoperasiErrorQueueNotEmpty");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_alert_rules_cover_relay_lag_error_queues_a_stalled_daemon_5xx_and_failing_disbursements()
    {
        var rules = File.ReadAllText(Rules);
        foreach (var alert in new[] { "KoperasiRelayLagging", "KoperasiErrorQueueNotEmpty", "KoperasiDaemonStalled", "KoperasiServerErrors", "KoperasiDisbursementsFailing" })
        {
            rules.ShouldContain($"alert: {alert}");
        }

        // The unit tests exercise at least two of them.
        var tests = File.ReadAllText(Path.Combine(Folder, "alert-rules.test.yml"));
        new[] { "KoperasiErrorQueueNotEmpty", "KoperasiServerErrors", "KoperasiDisbursementsFailing", "KoperasiRelayLagging" }
            .Count(alert => tests.Contains($"alertname: {alert}", StringComparison.Ordinal)).ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public void Docker_compose_Prometheus_loads_the_same_alert_rules()
    {
        File.ReadAllText(Path.Combine(Folder, "prometheus.yml")).ShouldContain("/etc/prometheus/alert-rules.yml");
        File.ReadAllText(Path.Combine(Repository.Root, "docker-compose.yml")).ShouldContain("./deploy/observability/alert-rules.yml:/etc/prometheus/alert-rules.yml:ro");
    }

    [Fact]
    public void Every_dashboard_is_valid_JSON_and_every_panel_queries_Prometheus()
    {
        var dashboards = Directory.GetFiles(Path.Combine(Folder, "grafana", "dashboards"), "*.json");
        dashboards.Length.ShouldBeGreaterThanOrEqualTo(2);
        var uids = new List<string>();
        foreach (var file in dashboards)
        {
            JsonObject dashboard;
            try
            {
                dashboard = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
            }
            catch (JsonException e)
            {
                throw new ShouldAssertException($"{Path.GetFileName(file)} is not valid JSON: {e.Message}");
            }

            var name = Path.GetFileName(file);
            dashboard["uid"]?.ToString().ShouldNotBeNullOrWhiteSpace(name);
            dashboard["title"]?.ToString().ShouldNotBeNullOrWhiteSpace(name);
            uids.Add(dashboard["uid"]!.ToString());
            var panels = (dashboard["panels"] as JsonArray ?? []).OfType<JsonObject>().Where(p => p["type"]?.ToString() != "row").ToList();
            panels.ShouldNotBeEmpty(name);
            panels.Select(p => p["id"]!.GetValue<int>()).ShouldBeUnique(name);
            foreach (var panel in panels)
            {
                var where = $"{name}, panel \"{panel["title"]}\"";
                panel["datasource"]?["uid"]?.ToString().ShouldBe("prometheus", where);
                var targets = (panel["targets"] as JsonArray ?? []).OfType<JsonObject>().ToList();
                targets.ShouldNotBeEmpty(where);
                targets.ShouldAllBe(t => !string.IsNullOrWhiteSpace(t["expr"]!.ToString()), where);
            }
        }

        uids.ShouldBeUnique();
    }

    [Fact]
    public void The_officers_dashboard_speaks_Bahasa_Indonesia()
    {
        var officers = Directory.GetFiles(Path.Combine(Folder, "grafana", "dashboards"), "*.json")
            .Select(f => JsonNode.Parse(File.ReadAllText(f))!.AsObject())
            .Where(d => (d["tags"] as JsonArray ?? []).Any(t => t!.ToString() == "bahasa-indonesia"))
            .ToList();
        officers.Count.ShouldBe(1, "one dashboard tagged bahasa-indonesia, for the Dinas' officers");
        var texts = (officers[0]["panels"] as JsonArray)!.OfType<JsonObject>()
            .SelectMany(p => new[] { p["title"]?.ToString(), p["description"]?.ToString() })
            .Append(officers[0]["title"]!.ToString())
            .OfType<string>()
            .ToList();
        texts.Count.ShouldBeGreaterThan(10);
        // English words of the engineers' dashboard have no place in the officers' one.
        var english = new[] { " the ", "per second", "requests", "errors", "applications", "cases", "dissolved", "by regency", "latency", "relay", "consumed" };
        texts.Where(t => english.Any(word => $" {t} ".Contains(word, StringComparison.OrdinalIgnoreCase))).ShouldBeEmpty();
        texts.ShouldContain(t => t.Contains("Koperasi", StringComparison.Ordinal) && t.Contains("kabupaten/kota", StringComparison.Ordinal));
        texts.ShouldContain(t => t.Contains("Dumisake", StringComparison.Ordinal));
    }
}
