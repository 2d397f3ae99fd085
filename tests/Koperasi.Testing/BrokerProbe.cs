using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Koperasi.Testing;

/// <summary>A message as a downstream system receives it: the MassTransit envelope's JSON.</summary>
public sealed record ReceivedMessage(Guid MessageId, IReadOnlyList<string> MessageTypes, JsonElement Message, JsonElement Headers)
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public T As<T>() => Message.Deserialize<T>(Web) ?? throw new InvalidOperationException("Empty message.");

    /// <summary>The id of the process that published it (the envelope's host.processId); 0 when absent.</summary>
    public int PublisherProcessId { get; init; }
}

/// <summary>
/// Subscribes like a downstream system would, with nothing but the broker and the documented
/// names: a durable queue bound to the exchanges of the given contract URNs. The queue outlives a
/// broker restart, so messages published after the broker returns are still collected.
/// </summary>
public sealed class BrokerProbe : IAsyncDisposable
{
    private readonly string _queue;
    private readonly ConcurrentQueue<ReceivedMessage> _received = new();
    private IConnection? _connection;
    private IChannel? _channel;

    private BrokerProbe(string queue) => _queue = queue;

    public IReadOnlyCollection<ReceivedMessage> Received => _received;

    /// <summary>Creates the queue and binds it to the exchange of each URN (without "urn:message:").</summary>
    public static async Task<BrokerProbe> SubscribeAsync(string entityPrefix, params string[] contractNames)
    {
        var probe = new BrokerProbe($"{entityPrefix}.probe-{Guid.NewGuid():N}");
        var channel = await probe.ChannelAsync();
        await channel.QueueDeclareAsync(probe._queue, durable: true, exclusive: false, autoDelete: false);
        foreach (var name in contractNames)
        {
            var exchange = $"{entityPrefix}.{name}";
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
            await channel.QueueBindAsync(probe._queue, exchange, "");
        }

        return probe;
    }

    /// <summary>Waits for a message of the contract that satisfies the predicate.</summary>
    public Task<ReceivedMessage> WaitForAsync(string contractName, Func<JsonElement, bool> predicate, TimeSpan? timeout = null) =>
        Eventually.ValueAsync(
            async () =>
            {
                await DrainAsync();
                return _received.FirstOrDefault(m => m.MessageTypes.Contains("urn:message:" + contractName) && predicate(m.Message));
            },
            $"a {contractName} message",
            timeout);

    /// <summary>Reads whatever the queue holds now.</summary>
    public async Task DrainAsync()
    {
        try
        {
            var channel = await ChannelAsync();
            while (await channel.BasicGetAsync(_queue, autoAck: true) is { } delivery)
            {
                using var document = JsonDocument.Parse(Encoding.UTF8.GetString(delivery.Body.Span));
                var root = document.RootElement;
                _received.Enqueue(new ReceivedMessage(
                    root.GetProperty("messageId").GetGuid(),
                    [.. root.GetProperty("messageType").EnumerateArray().Select(t => t.GetString()!)],
                    root.GetProperty("message").Clone(),
                    root.TryGetProperty("headers", out var headers) ? headers.Clone() : default)
                {
                    PublisherProcessId = root.TryGetProperty("host", out var host) && host.TryGetProperty("processId", out var pid) && pid.TryGetInt32(out var id) ? id : 0,
                });
            }
        }
        catch (Exception exception) when (exception is BrokerUnreachableException or AlreadyClosedException or OperationInterruptedException or IOException)
        {
            // The broker is away (a test may have stopped it): reconnect on the next poll.
            await ResetAsync();
        }
    }

    private async Task<IChannel> ChannelAsync()
    {
        if (_channel is { IsOpen: true })
        {
            return _channel;
        }

        await ResetAsync();
        _connection = await TestInfrastructure.AdminBroker().CreateConnectionAsync();
        _channel = await _connection.CreateChannelAsync();
        return _channel;
    }

    private async Task ResetAsync()
    {
        try
        {
            if (_channel is not null)
            {
                await _channel.DisposeAsync();
            }

            if (_connection is not null)
            {
                await _connection.DisposeAsync();
            }
        }
        catch (Exception exception) when (exception is AlreadyClosedException or OperationInterruptedException or IOException)
        {
            // Already gone.
        }

        _channel = null;
        _connection = null;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            var channel = await ChannelAsync();
            await channel.QueueDeleteAsync(_queue);
        }
        catch (Exception exception) when (exception is BrokerUnreachableException or AlreadyClosedException or OperationInterruptedException or IOException)
        {
            // Best effort.
        }

        await ResetAsync();
    }
}
