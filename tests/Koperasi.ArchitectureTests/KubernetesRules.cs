using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Koperasi.ArchitectureTests;

/// <summary>The rules a rendering of deploy/kubernetes keeps (docs/operations.md, "On Kubernetes"): one problem per line.</summary>
internal static partial class KubernetesRules
{
    public static IReadOnlyList<string> Problems(IReadOnlyList<JsonObject> documents, IReadOnlyList<string> expectedDeployments)
    {
        var problems = new List<string>();
        var configMaps = Of(documents, "ConfigMap").ToDictionary(c => Name(c), c => c["data"] as JsonObject ?? []);
        var deployments = Of(documents, "Deployment").ToList();

        problems.AddRange(expectedDeployments.Where(name => deployments.All(d => Name(d) != name)).Select(name => $"no Deployment for {name}"));
        problems.AddRange(Of(documents, "Secret").Select(s => $"a Secret object in the manifests ({Name(s)}): secrets are created outside them and only named (secretKeyRef)"));
        foreach (var (name, data) in configMaps)
        {
            problems.AddRange(data.Where(entry => SecretName().IsMatch(entry.Key)).Select(entry => $"an inline secret in the ConfigMap {name}: {entry.Key}"));
            problems.AddRange(data.Where(entry => IsDevelopment(entry.Key, entry.Value)).Select(entry => $"the Development environment in the ConfigMap {name}"));
        }

        foreach (var deployment in deployments)
        {
            var name = Name(deployment);
            var replicas = int.TryParse(Text(deployment["spec"]?["replicas"]), out var r) ? r : 1;
            if (replicas < 2)
            {
                problems.Add($"{name}: {replicas} replicas (at least 2)");
            }

            var podLabels = deployment["spec"]?["template"]?["metadata"]?["labels"] as JsonObject ?? [];
            foreach (var container in Containers(deployment))
            {
                if (Text(container["readinessProbe"]?["httpGet"]?["path"]) != "/health/ready")
                {
                    problems.Add($"{name}: no readinessProbe on /health/ready");
                }

                if (Text(container["livenessProbe"]?["httpGet"]?["path"]) != "/health/live")
                {
                    problems.Add($"{name}: no livenessProbe on /health/live");
                }

                if (container["resources"]?["requests"]?["cpu"] is null || container["resources"]?["requests"]?["memory"] is null || container["resources"]?["limits"]?["memory"] is null)
                {
                    problems.Add($"{name}: resources (requests of cpu and memory, a memory limit) missing");
                }

                var environment = Environment(container, configMaps, problems, name);
                if (environment.TryGetValue("ASPNETCORE_ENVIRONMENT", out var aspnet) && aspnet != "Production")
                {
                    problems.Add($"{name}: the {aspnet} environment (Development only ever on purpose, never in a deployment)");
                }

                if (name != "gateway" && (!environment.TryGetValue("Marten__DaemonMode", out var mode) || mode != "HotCold"))
                {
                    problems.Add($"{name}: Marten__DaemonMode is {mode ?? "not set"}, not HotCold");
                }
            }

            if (!Of(documents, "PodDisruptionBudget").Any(p => Selects(p["spec"]?["selector"], podLabels)))
            {
                problems.Add($"{name}: no PodDisruptionBudget selects its pods");
            }

            if (!Of(documents, "HorizontalPodAutoscaler").Any(h => Text(h["spec"]?["scaleTargetRef"]?["kind"]) == "Deployment"
                    && Text(h["spec"]?["scaleTargetRef"]?["name"]) == name
                    && int.TryParse(Text(h["spec"]?["minReplicas"]), out var min) && min >= 2))
            {
                problems.Add($"{name}: no HorizontalPodAutoscaler scales it with minReplicas >= 2");
            }

            var annotated = Text(deployment["spec"]?["template"]?["metadata"]?["annotations"]?["prometheus.io/scrape"]) == "true";
            if (!annotated && !documents.Where(d => Text(d["kind"]) is "PodMonitor" or "ServiceMonitor").Any(m => Selects(m["spec"]?["selector"], podLabels)))
            {
                problems.Add($"{name}: Prometheus scraping missing (no PodMonitor or ServiceMonitor selects its pods)");
            }
        }

        if (!documents.Any(d => Text(d["kind"]) == "Cluster" && Text(d["apiVersion"]) == "postgresql.cnpg.io/v1"))
        {
            problems.Add("no CloudNativePG Cluster (postgresql.cnpg.io/v1) for PostgreSQL");
        }

        if (!documents.Any(d => Text(d["kind"]) == "RabbitmqCluster" && Text(d["apiVersion"]) == "rabbitmq.com/v1beta1" && Text(d["spec"]?["replicas"]) == "3"))
        {
            problems.Add("no RabbitmqCluster (rabbitmq.com/v1beta1) with 3 nodes");
        }

        return problems;
    }

    public static IEnumerable<JsonObject> Containers(JsonObject deployment) =>
        (deployment["spec"]?["template"]?["spec"]?["containers"] as JsonArray ?? []).OfType<JsonObject>();

    /// <summary>What the container's process sees: envFrom ConfigMaps, then env (a Secret's value as &lt;secret&gt;).</summary>
    private static Dictionary<string, string> Environment(JsonObject container, Dictionary<string, JsonObject> configMaps, List<string> problems, string deployment)
    {
        var environment = new Dictionary<string, string>();
        foreach (var source in (container["envFrom"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (source["secretRef"] is not null)
            {
                continue;
            }

            var map = Text(source["configMapRef"]?["name"]);
            if (!configMaps.TryGetValue(map, out var data))
            {
                problems.Add($"{deployment}: envFrom names the ConfigMap {map}, which the manifests do not hold");
                continue;
            }

            foreach (var (key, value) in data)
            {
                environment[key] = Text(value);
            }
        }

        foreach (var variable in (container["env"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var name = Text(variable["name"]);
            if (variable["value"] is { } literal)
            {
                var value = Text(literal);
                if (SecretName().IsMatch(name) || InlinePassword().IsMatch(value))
                {
                    problems.Add($"{deployment}: an inline secret value in {name} (use valueFrom.secretKeyRef)");
                }

                environment[name] = value;
            }
            else if (variable["valueFrom"]?["secretKeyRef"] is not null)
            {
                environment[name] = "<secret>";
            }
            else if (variable["valueFrom"]?["configMapKeyRef"] is { } reference)
            {
                environment[name] = configMaps.TryGetValue(Text(reference["name"]), out var data) ? Text(data[Text(reference["key"])]) : "";
            }
        }

        return environment;
    }

    private static bool Selects(JsonNode? selector, JsonObject podLabels) =>
        selector?["matchLabels"] is JsonObject wanted && wanted.Count > 0
        && wanted.All(label => podLabels.TryGetPropertyValue(label.Key, out var value) && Text(value) == Text(label.Value));

    private static bool IsDevelopment(string key, JsonNode? value) =>
        key is "ASPNETCORE_ENVIRONMENT" or "DOTNET_ENVIRONMENT" && Text(value) != "Production";

    private static IEnumerable<JsonObject> Of(IEnumerable<JsonObject> documents, string kind) => documents.Where(d => Text(d["kind"]) == kind);

    private static string Name(JsonObject document) => Text(document["metadata"]?["name"]);

    private static string Text(JsonNode? node) => node?.ToString() ?? "";

    /// <summary>A setting that holds a secret by its name: a password, a key, a token.</summary>
    [GeneratedRegex("(?i)(password|secret|signingkey|masterkey|hashkey|apikey|token|credential)")]
    private static partial Regex SecretName();

    /// <summary>A connection string with a password in it rather than a $(VARIABLE) reference.</summary>
    [GeneratedRegex(@"(?i)password=(?!\$\()")]
    private static partial Regex InlinePassword();
}
