using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Koperasi.ArchitectureTests;

/// <summary>
/// deploy/kubernetes as a platform team receives it: rendered with <c>kubectl kustomize</c> (from the
/// OS packages) when kubectl is on PATH, else read from the base's own files, then held to the rules
/// of docs/operations.md ("On Kubernetes"): every service of deploy/services.txt and the gateway has
/// a Deployment with at least two replicas, probes on its health endpoints, resources, a
/// PodDisruptionBudget and a HorizontalPodAutoscaler; no Development environment; no secret value in
/// a manifest; the daemon mode HotCold; PostgreSQL by CloudNativePG, RabbitMQ by its operator with
/// three nodes, and Prometheus scraping.
/// </summary>
public partial class KubernetesManifestTests
{
    private static readonly string Kubernetes = Path.Combine(Repository.Root, "deploy", "kubernetes");

    [Fact]
    public async Task The_Jambi_overlay_keeps_every_rule()
    {
        var documents = await RenderAsync();

        KubernetesRules.Problems(documents, ExpectedDeployments()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Kubectl_renders_the_overlay_with_its_namespace_and_images()
    {
        // kubectl is optional (the OS packages' kubectl when present): without it the rules above run on the raw files.
        var kubectl = OsTools.Find("kubectl");
        if (kubectl is null)
        {
            Assert.Skip("kubectl is not on PATH: the rules were checked on the base's own files instead");
        }

        var (exit, output, errors) = await OsTools.RunAsync(kubectl!, Repository.Root, "kustomize", Path.Combine(Kubernetes, "overlays", "jambi"));
        exit.ShouldBe(0, errors);

        var deployments = YamlDocuments.Read(output).Where(d => Text(d["kind"]) == "Deployment").ToList();
        deployments.Select(d => Text(d["metadata"]!["namespace"])).Distinct().ShouldBe(["koperasi-jambi"]);
        deployments.SelectMany(KubernetesRules.Containers).Select(c => Text(c["image"])).ShouldAllBe(image => image.EndsWith(":1.0.0"), "every image pinned by the overlay");
    }

    // Each rule, broken on purpose in an otherwise good rendering, is reported.
    [Theory]
    [InlineData("one replica", "replicas")]
    [InlineData("no readiness probe", "readinessProbe")]
    [InlineData("no liveness probe", "livenessProbe")]
    [InlineData("no resources", "resources")]
    [InlineData("Development", "Development")]
    [InlineData("inline secret", "secret")]
    [InlineData("a Secret object", "Secret")]
    [InlineData("no daemon mode", "DaemonMode")]
    [InlineData("no PDB", "PodDisruptionBudget")]
    [InlineData("no HPA", "HorizontalPodAutoscaler")]
    [InlineData("two RabbitMQ nodes", "RabbitmqCluster")]
    [InlineData("no monitor", "scrap")]
    [InlineData("no Funding", "funding")]
    public async Task A_broken_rule_is_reported(string breakage, string named)
    {
        var documents = (await RenderAsync()).Select(d => (JsonObject)d.DeepClone()).ToList();
        var registry = documents.Single(d => Text(d["kind"]) == "Deployment" && Text(d["metadata"]!["name"]) == "registry");
        var container = KubernetesRules.Containers(registry).First();
        switch (breakage)
        {
            case "one replica": registry["spec"]!["replicas"] = "1"; break;
            case "no readiness probe": container.Remove("readinessProbe"); break;
            case "no liveness probe": container.Remove("livenessProbe"); break;
            case "no resources": container.Remove("resources"); break;
            case "Development": ((JsonArray)container["env"]!).Add(new JsonObject { ["name"] = "ASPNETCORE_ENVIRONMENT", ["value"] = "Development" }); break;
            case "inline secret": ((JsonArray)container["env"]!).Add(new JsonObject { ["name"] = "RabbitMq__Password", ["value"] = "hunter2" }); break;
            case "a Secret object": documents.Add(new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Secret", ["metadata"] = new JsonObject { ["name"] = "koperasi-jwt" }, ["stringData"] = new JsonObject { ["signing-key"] = "x" } }); break;
            case "no daemon mode": ((JsonArray)container["env"]!).Add(new JsonObject { ["name"] = "Marten__DaemonMode", ["value"] = "Solo" }); break;
            case "no PDB": documents.RemoveAll(d => Text(d["kind"]) == "PodDisruptionBudget" && Text(d["metadata"]!["name"]) == "registry"); break;
            case "no HPA": documents.RemoveAll(d => Text(d["kind"]) == "HorizontalPodAutoscaler" && Text(d["metadata"]!["name"]) == "registry"); break;
            case "two RabbitMQ nodes": documents.Single(d => Text(d["kind"]) == "RabbitmqCluster")["spec"]!["replicas"] = "2"; break;
            case "no monitor": documents.RemoveAll(d => Text(d["kind"]) is "PodMonitor" or "ServiceMonitor"); break;
            case "no Funding": documents.RemoveAll(d => Text(d["kind"]) == "Deployment" && Text(d["metadata"]!["name"]) == "funding"); break;
            default: throw new ArgumentOutOfRangeException(nameof(breakage));
        }

        KubernetesRules.Problems(documents, ExpectedDeployments()).ShouldContain(p => p.Contains(named, StringComparison.Ordinal));
    }

    /// <summary>The overlay rendered by kubectl, or (without kubectl) the base's own files.</summary>
    private static async Task<IReadOnlyList<JsonObject>> RenderAsync()
    {
        if (OsTools.Find("kubectl") is { } kubectl)
        {
            var (exit, output, errors) = await OsTools.RunAsync(kubectl, Repository.Root, "kustomize", Path.Combine(Kubernetes, "overlays", "jambi"));
            exit.ShouldBe(0, errors);
            return YamlDocuments.Read(output);
        }

        var kustomization = YamlDocuments.Read(await File.ReadAllTextAsync(Path.Combine(Kubernetes, "base", "kustomization.yaml"))).Single();
        var files = ((JsonArray)kustomization["resources"]!).Select(r => Path.Combine(Kubernetes, "base", Text(r)));
        return [.. files.SelectMany(f => YamlDocuments.Read(File.ReadAllText(f)))];
    }

    /// <summary>Every service of deploy/services.txt, and the gateway.</summary>
    private static IReadOnlyList<string> ExpectedDeployments() =>
    [
        .. File.ReadAllLines(Path.Combine(Repository.Root, "deploy", "services.txt"))
            .Select(l => ServiceLine().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value),
        "gateway",
    ];

    private static string Text(JsonNode? node) => node?.ToString() ?? "";

    [GeneratedRegex(@"^([a-z0-9]+)\s+\d+")]
    private static partial Regex ServiceLine();
}
