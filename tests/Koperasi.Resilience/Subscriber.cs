using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Koperasi.Testing;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Koperasi.Resilience;

/// <summary>One registration fact as the subscriber received it.</summary>
public sealed record Fact(Guid MessageId, Guid CooperativeId, int PublisherProcessId, DateTimeOffset ReceivedAt);

/// <summary>
/// A downstream system with nothing but the broker and the documented names: a durable queue of its
/// own bound to the exchange of <c>koperasi:registry:cooperative-registered:v1</c>, read all the time
/// (reconnecting while the broker is away), every fact kept with its message id and arrival time.
/// </summary>
public sealed class Subscriber : IAsyncDisposable
{
    public const string Registered = "koperasi:registry:cooperative-registered:v1";

    private readonly string _queue;
    private readonly string _exchange;
    private readonly ConcurrentQueue<Fact> _facts = new();
    private readonly CancellationTokenSource _stop = new();
    private IConnection? _connection;
    private IChannel? _channel;
    private Task _reading = Task.CompletedTask;

    private Subscriber(string entityPrefix)
    {
        _queue = $"{entityPrefix}.resilience-subscriber";
        _exchange = $"{entityPrefix}.{Registered}";
    }

    /// <summary>Every fact received so far, duplicates included.</summary>
    public IReadOnlyCollection<Fact> Facts => _facts;

    public static async Task<Subscriber> StartAsync(string entityPrefix)
    {
        var subscriber = new Subscriber(entityPrefix);
        await subscriber.ChannelAsync();
        subscriber._reading = Task.Run(subscriber.ReadAsync);
        return subscriber;
    }

    private async Task ReadAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                var channel = await ChannelAsync();
                var read = false;
                while (await channel.BasicGetAsync(_queue, autoAck: true) is { } delivery)
                {
                    read = true;
                    using var document = JsonDocument.Parse(Encoding.UTF8.GetString(delivery.Body.Span));
                    var root = document.RootElement;
                    _facts.Enqueue(new Fact(
                        root.GetProperty("messageId").GetGuid(),
                        root.GetProperty("message").GetProperty("cooperativeId").GetGuid(),
                        root.TryGetProperty("host", out var host) && host.TryGetProperty("processId", out var pid) && pid.TryGetInt32(out var id) ? id : 0,
                        DateTimeOffset.UtcNow));
                }

                if (!read)
                {
                    await Task.Delay(50, _stop.Token);
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is BrokerUnreachableException or AlreadyClosedException or OperationInterruptedException or IOException or System.Net.Sockets.SocketException)
            {
                // The broker is away (a row stopped it): connect again shortly.
                await ResetAsync();
                await Task.Delay(500, CancellationToken.None);
            }
        }
    }

    private async Task<IChannel> ChannelAsync()
    {
        if (_channel is { IsOpen: true })
        {
            return _channel;
        }

        await ResetAsync();
        var factory = new ConnectionFactory
        {
            HostName = TestInfrastructure.RabbitMqHost,
            Port = TestInfrastructure.RabbitMqPort,
            VirtualHost = TestInfrastructure.TestVirtualHost,
            UserName = TestInfrastructure.RabbitMqAdminUser,
            Password = TestInfrastructure.RabbitMqAdminPassword,
            AutomaticRecoveryEnabled = false,
        };
        _connection = await factory.CreateConnectionAsync();
        _channel = await _connection.CreateChannelAsync();
        await _channel.QueueDeclareAsync(_queue, durable: true, exclusive: false, autoDelete: false);
        await _channel.ExchangeDeclareAsync(_exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
        await _channel.QueueBindAsync(_queue, _exchange, "");
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
        await _stop.CancelAsync();
        await _reading;
        try
        {
            var channel = await ChannelAsync();
            await channel.QueueDeleteAsync(_queue);
        }
        catch (Exception exception) when (exception is BrokerUnreachableException or AlreadyClosedException or OperationInterruptedException or IOException)
        {
            // Best effort: the run's prefix names it.
        }

        await ResetAsync();
        _stop.Dispose();
    }
}
