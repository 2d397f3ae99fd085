using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Koperasi.ServiceDefaults.Identity;
using RabbitMQ.Client;

namespace Koperasi.Testing;

/// <summary>
/// A downstream system's queue (named with its prefix) bound to a publisher's replay exchange with its
/// own name and to the contract exchanges given, read with the admin's connection.
/// </summary>
public sealed class SubscriberQueue : IAsyncDisposable
{
    private readonly List<Delivery> _received = [];
    private IConnection _connection = null!;
    private IChannel _channel = null!;

    private SubscriberQueue(string name) => Name = name;

    public sealed record Delivery(Guid MessageId, string Contract, long Sequence, DateTimeOffset RecordedAt, JsonElement Message);

    public string Name { get; }

    public IReadOnlyList<Delivery> Received => _received;

    /// <summary>A client with a service token of the given name.</summary>
    public static HttpClient Caller(HttpClient client, string name)
    {
        var token = new TokenIssuer(TestTokens.Settings(), TimeProvider.System).Issue(name, KoperasiRoles.Service, null, TimeSpan.FromDays(3650), DateTimeOffset.UtcNow.AddDays(-1825));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<SubscriberQueue> DeclareAsync(string entityPrefix, string publisher, string caller, params string[] contracts)
    {
        var connection = await TestInfrastructure.AdminBroker().CreateConnectionAsync();
        var queue = new SubscriberQueue($"{entityPrefix}.{caller}-{Guid.NewGuid():N}")
        {
            _connection = connection,
            _channel = await connection.CreateChannelAsync(),
        };
        await queue._channel.QueueDeclareAsync(queue.Name, durable: true, exclusive: false, autoDelete: false);
        // Replays arrive through the publisher's replay exchange, routed by the queue's own name.
        var replays = $"{entityPrefix}.koperasi:{publisher}:replay";
        await queue._channel.ExchangeDeclareAsync(replays, ExchangeType.Topic, durable: true, autoDelete: false);
        await queue._channel.QueueBindAsync(queue.Name, replays, queue.Name);
        foreach (var contract in contracts)
        {
            var exchange = $"{entityPrefix}.{contract}";
            await queue._channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
            await queue._channel.QueueBindAsync(queue.Name, exchange, "");
        }

        return queue;
    }

    /// <summary>
    /// A queue declared and bound by a subscriber's own broker user (deploy/subscriber.sh), which
    /// declares none of the publisher's exchanges (it may not): they exist, as provisioning made them.
    /// The connection is the queue's from then on.
    /// </summary>
    public static async Task<SubscriberQueue> DeclareAsAsync(IConnection subscriber, string name, string replayExchange, IEnumerable<string> contractExchanges)
    {
        var queue = new SubscriberQueue(name)
        {
            _connection = subscriber,
            _channel = await subscriber.CreateChannelAsync(),
        };
        await queue._channel.QueueDeclareAsync(name, durable: true, exclusive: false, autoDelete: false);
        await queue._channel.QueueBindAsync(name, replayExchange, name);
        foreach (var exchange in contractExchanges)
        {
            await queue._channel.QueueBindAsync(name, exchange, "");
        }

        return queue;
    }

    /// <summary>Reads what the queue holds now; returns everything received so far.</summary>
    public async Task<IReadOnlyList<Delivery>> DrainAsync()
    {
        while (await _channel.BasicGetAsync(Name, autoAck: true) is { } delivery)
        {
            using var document = JsonDocument.Parse(Encoding.UTF8.GetString(delivery.Body.Span));
            var root = document.RootElement;
            var headers = root.GetProperty("headers");
            var sequence = headers.GetProperty("koperasi-sequence");
            _received.Add(new Delivery(
                root.GetProperty("messageId").GetGuid(),
                root.GetProperty("messageType").EnumerateArray().Select(t => t.GetString()!).First()["urn:message:".Length..],
                sequence.ValueKind == JsonValueKind.String ? long.Parse(sequence.GetString()!, CultureInfo.InvariantCulture) : sequence.GetInt64(),
                DateTimeOffset.Parse(headers.GetProperty("koperasi-recorded-at").GetString()!, CultureInfo.InvariantCulture),
                root.GetProperty("message").Clone()));
        }

        return _received;
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.QueueDeleteAsync(Name);
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
