using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Configuration;

namespace Koperasi.Console.Operasi;

/// <summary>One replica of a service as the Operasi page shows it.</summary>
/// <param name="Service">The service's name (its <c>Services</c> entry).</param>
/// <param name="Address">The replica's address.</param>
/// <param name="Live">HTTP status of <c>/health/live</c>, or null when it did not answer.</param>
/// <param name="Ready">HTTP status of <c>/health/ready</c>, or null when it did not answer.</param>
/// <param name="Relay">The outbox relay's counters from <c>/metrics</c>, or null when the replica published none.</param>
public sealed record ReplicaState(string Service, Uri Address, int? Live, int? Ready, RelayState? Relay)
{
    public bool IsLive => Live == 200;

    public bool IsReady => Ready == 200;
}

/// <summary>The relay's metrics: events published, publish retries, and the lag from commit to publish.</summary>
/// <param name="Published">Events published since the process started.</param>
/// <param name="Retries">Publish attempts retried since the process started.</param>
/// <param name="MeanLagSeconds">Mean lag since the process started.</param>
/// <param name="P95LagAtMostSeconds">The histogram bucket bound that 95 % of the publishes stayed within.</param>
public sealed record RelayState(long Published, long Retries, double? MeanLagSeconds, double? P95LagAtMostSeconds);

/// <summary>A queue of the broker, from the management API.</summary>
public sealed record QueueState(string Name, long Messages, long Ready, long Unacknowledged, int Consumers)
{
    /// <summary>MassTransit moves a message that failed every retry to the queue's <c>_error</c> queue.</summary>
    public bool IsErrorQueue => Name.EndsWith(PantauanOperasi.ErrorSuffix, StringComparison.Ordinal);

    public string? SourceQueue => IsErrorQueue ? Name[..^PantauanOperasi.ErrorSuffix.Length] : null;
}

/// <summary>The queues, or why they cannot be shown.</summary>
public sealed record QueuesAnswer(IReadOnlyList<QueueState>? Queues, string? Problem);

/// <summary>What a replay of an error queue did.</summary>
public sealed record ReplayOutcome(int Moved, int PutBack, string? Problem);

/// <summary>
/// The Operasi page's view of the running platform: each replica's health and readiness and its
/// relay metrics (read directly from the addresses the gateway proxies to: <c>/health/*</c> and
/// <c>/metrics</c> answer without a token), and the broker's queues through RabbitMQ's management API
/// with the credentials configured for it. Unlike <c>GatewayApi</c>, this uses the console's own
/// configuration, so its one write (moving an error queue's messages back) is offered to an
/// admin-provinsi only (the role of every other operations endpoint, <c>ops/*</c>).
/// </summary>
public sealed partial class PantauanOperasi(HttpClient http, IConfiguration configuration)
{
    public const string ErrorSuffix = "_error";

    /// <summary>The most messages one replay moves (the rest stay for the next).</summary>
    public const int ReplayLimit = 1000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public OperasiSettings Settings { get; } = OperasiSettings.Read(configuration);

    public async Task<IReadOnlyList<ReplicaState>> ReplicasAsync(CancellationToken cancellationToken = default) =>
        await Task.WhenAll(Settings.Services.SelectMany(s => s.Replicas.Select(address => ReplicaAsync(s.Name, address, cancellationToken))));

    private async Task<ReplicaState> ReplicaAsync(string service, Uri address, CancellationToken cancellationToken)
    {
        var live = GetAsync(address, "health/live", readBody: false, cancellationToken);
        var ready = GetAsync(address, "health/ready", readBody: false, cancellationToken);
        var metrics = GetAsync(address, "metrics", readBody: true, cancellationToken);
        var text = (await metrics).Body;
        return new ReplicaState(service, address, (await live).Status, (await ready).Status, text is null ? null : Relay(text));
    }

    /// <summary>The status of a GET on the replica (null when it did not answer), and its body when asked for and successful.</summary>
    private async Task<(int? Status, string? Body)> GetAsync(Uri address, string path, bool readBody, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(new Uri(address, path), cancellationToken);
            var body = readBody && response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync(cancellationToken) : null;
            return ((int)response.StatusCode, body);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return (null, null);
        }
    }

    /// <summary>
    /// Reads the relay's series from a Prometheus text exposition: <c>koperasi_relay_published_total</c>,
    /// <c>koperasi_relay_publish_retries_total</c> and the histogram <c>koperasi_relay_lag_seconds</c>
    /// (summed over their labels). Null when the replica has published nothing (no daemon runs there).
    /// </summary>
    public static RelayState? Relay(string exposition)
    {
        double published = 0, retries = 0, sum = 0, count = 0;
        var buckets = new SortedDictionary<double, double>();
        var found = false;
        foreach (var raw in exposition.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#' || !line.StartsWith("koperasi_relay_", StringComparison.Ordinal))
            {
                continue;
            }

            var space = line.LastIndexOf(' ');
            if (space < 0 || !double.TryParse(line[(space + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                continue;
            }

            var series = line[..space];
            var name = series.Split('{', 2)[0];
            found = true;
            switch (name)
            {
                case "koperasi_relay_published_total": published += value; break;
                case "koperasi_relay_publish_retries_total": retries += value; break;
                case "koperasi_relay_lag_seconds_sum": sum += value; break;
                case "koperasi_relay_lag_seconds_count": count += value; break;
                case "koperasi_relay_lag_seconds_bucket" when Label(series, "le") is { } le:
                    var bound = le == "+Inf" ? double.PositiveInfinity : double.Parse(le, NumberStyles.Float, CultureInfo.InvariantCulture);
                    buckets[bound] = buckets.GetValueOrDefault(bound) + value;
                    break;
            }
        }

        if (!found)
        {
            return null;
        }

        double? p95 = null;
        if (count > 0)
        {
            p95 = buckets.FirstOrDefault(b => b.Value >= 0.95 * count).Key is var bound && bound > 0 ? bound : null;
        }

        return new RelayState((long)published, (long)retries, count > 0 ? sum / count : null, p95);
    }

    private static string? Label(string series, string label)
    {
        var start = series.IndexOf(label + "=\"", StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += label.Length + 2;
        var end = series.IndexOf('"', start);
        return end < 0 ? null : series[start..end];
    }

    public async Task<QueuesAnswer> QueuesAsync(CancellationToken cancellationToken = default)
    {
        if (!Settings.RabbitMqConfigured)
        {
            return new QueuesAnswer(null, null);
        }

        try
        {
            using var request = Management(HttpMethod.Get, $"queues/{Uri.EscapeDataString(Settings.VirtualHost)}?columns=name,messages,messages_ready,messages_unacknowledged,consumers");
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return new QueuesAnswer(null, $"API manajemen RabbitMQ menjawab HTTP {(int)response.StatusCode}.");
            }

            var queues = await response.Content.ReadFromJsonAsync<List<ManagementQueue>>(Json, cancellationToken) ?? [];
            return new QueuesAnswer(
                [
                    .. queues.Where(q => Settings.QueuePrefix is null || q.Name.StartsWith(Settings.QueuePrefix, StringComparison.Ordinal))
                        .Select(q => new QueueState(q.Name, q.Messages ?? 0, q.MessagesReady ?? 0, q.MessagesUnacknowledged ?? 0, q.Consumers ?? 0))
                        .OrderBy(q => q.Name, StringComparer.Ordinal),
                ],
                null);
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new QueuesAnswer(null, "API manajemen RabbitMQ tidak menjawab.");
        }
    }

    /// <summary>
    /// Moves the messages of an error queue back to the queue they failed in, so its consumer tries
    /// them again (consumers deduplicate by message id): each message is taken from the error queue and
    /// published to the source queue through the default exchange with its properties and headers as
    /// they were. A message the broker does not route is published back to the error queue.
    /// </summary>
    public async Task<ReplayOutcome> ReplayAsync(string errorQueue, CancellationToken cancellationToken = default)
    {
        if (!Settings.RabbitMqConfigured)
        {
            return new ReplayOutcome(0, 0, "API manajemen RabbitMQ belum dikonfigurasi.");
        }

        var queues = await QueuesAsync(cancellationToken);
        if (queues.Queues?.FirstOrDefault(q => q.Name == errorQueue && q.IsErrorQueue) is not { } error)
        {
            return new ReplayOutcome(0, 0, queues.Problem ?? "Antrean galat ini tidak ada.");
        }

        if (queues.Queues.All(q => q.Name != error.SourceQueue))
        {
            return new ReplayOutcome(0, 0, $"Antrean asal {error.SourceQueue} tidak ada.");
        }

        var vhost = Uri.EscapeDataString(Settings.VirtualHost);
        int moved = 0, putBack = 0;
        try
        {
            while (moved + putBack < ReplayLimit)
            {
                using var get = Management(HttpMethod.Post, $"queues/{vhost}/{Uri.EscapeDataString(errorQueue)}/get");
                get.Content = JsonContent.Create(new { count = Math.Min(100, ReplayLimit - moved - putBack), ackmode = "ack_requeue_false", encoding = "base64", truncate = 50_000_000 });
                using var got = await http.SendAsync(get, cancellationToken);
                if (!got.IsSuccessStatusCode)
                {
                    return new ReplayOutcome(moved, putBack, $"API manajemen RabbitMQ menjawab HTTP {(int)got.StatusCode}.");
                }

                var messages = await got.Content.ReadFromJsonAsync<List<ManagementMessage>>(Json, cancellationToken) ?? [];
                if (messages.Count == 0)
                {
                    break;
                }

                foreach (var message in messages)
                {
                    if (await PublishAsync(vhost, error.SourceQueue!, message, cancellationToken))
                    {
                        moved++;
                    }
                    else
                    {
                        await PublishAsync(vhost, errorQueue, message, cancellationToken);
                        putBack++;
                    }
                }
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new ReplayOutcome(moved, putBack, "API manajemen RabbitMQ tidak menjawab.");
        }

        return new ReplayOutcome(moved, putBack, null);
    }

    private async Task<bool> PublishAsync(string vhost, string queue, ManagementMessage message, CancellationToken cancellationToken)
    {
        using var publish = Management(HttpMethod.Post, $"exchanges/{vhost}/amq.default/publish");
        publish.Content = JsonContent.Create(new
        {
            properties = message.Properties,
            routing_key = queue,
            payload = message.Payload,
            payload_encoding = message.PayloadEncoding ?? "base64",
        });
        using var response = await http.SendAsync(publish, cancellationToken);
        return response.IsSuccessStatusCode && (await response.Content.ReadFromJsonAsync<PublishAnswer>(Json, cancellationToken))?.Routed == true;
    }

    private HttpRequestMessage Management(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, new Uri(new Uri(Settings.RabbitMqManagement!.ToString().TrimEnd('/') + "/api/"), path));
        if (Settings.RabbitMqUser is { } user)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue(
                "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{Settings.RabbitMqPassword}")));
        }

        return request;
    }

    private sealed record ManagementQueue(
        string Name, long? Messages,
        [property: JsonPropertyName("messages_ready")] long? MessagesReady,
        [property: JsonPropertyName("messages_unacknowledged")] long? MessagesUnacknowledged,
        int? Consumers);

    private sealed record ManagementMessage(
        string? Payload,
        [property: JsonPropertyName("payload_encoding")] string? PayloadEncoding,
        JsonElement? Properties);

    private sealed record PublishAnswer(bool Routed);
}
