using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MassTransit;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Koperasi.ServiceDefaults.Messaging;

/// <summary>
/// The contracts of other services this service consumes, and the bindings that bring them in.
/// A service's broker user may read another service's exchanges but not configure them (configure
/// includes delete: a subscriber could drop every other subscriber's binding). So the service
/// consumes another service's contract through an exchange of its own
/// (<c>transformation-koperasi:registry:rat-reported:v1</c>, declared by MassTransit) and binds the
/// publisher's exchange to it: an exchange-to-exchange binding needs read on the source and write
/// on the destination, nothing more. The publisher's exchange must exist: provisioning declares
/// every contract's exchange (deploy/infra.sh); where the user may create it (the tests' vhost) it
/// is created when missing; otherwise the binding is retried until the publisher declared it.
/// </summary>
public sealed partial class ContractSubscriptions(BrokerNames names)
{
    private readonly ConcurrentDictionary<string, string> _links = new(StringComparer.Ordinal);

    /// <summary>Publisher's exchange → this service's exchange for it.</summary>
    public IReadOnlyDictionary<string, string> Links => _links;

    /// <summary>The exchange this service consumes <paramref name="urn"/> through, or null when the contract is its own.</summary>
    public string? Subscribe(string urn)
    {
        var parts = urn.Split(':');
        if (parts.Length < 3 || parts[0] != "koperasi" || parts[1] == names.Service)
        {
            return null;
        }

        var source = names.EntityPrefix is null ? urn : $"{names.EntityPrefix}.{urn}";
        return _links.GetOrAdd(source, _ => $"{names.QueuePrefix}{urn}");
    }

    /// <summary>Binds every publisher's exchange to this service's own; returns those not bound yet.</summary>
    internal async Task<IReadOnlyList<string>> BindAsync(RabbitMqSettings settings, CancellationToken cancellation)
    {
        var pending = new List<string>();
        if (_links.IsEmpty)
        {
            return pending;
        }

        var factory = new ConnectionFactory
        {
            HostName = settings.Host,
            Port = settings.Port,
            VirtualHost = settings.VirtualHost,
            UserName = settings.Username,
            Password = settings.Password,
            ClientProvidedName = $"{names.Service} contract subscriptions",
            AutomaticRecoveryEnabled = false,
        };
        await using var connection = await factory.CreateConnectionAsync(cancellation);
        foreach (var (source, destination) in _links)
        {
            if (!await BindAsync(connection, source, destination, cancellation))
            {
                pending.Add(source);
            }
        }

        return pending;
    }

    private const ushort NotFound = 404;
    private const ushort AccessRefused = 403;

    private static async Task<bool> BindAsync(IConnection connection, string source, string destination, CancellationToken cancellation)
    {
        // Each refusal closes its channel: one channel per step that may be refused.
        await using (var own = await connection.CreateChannelAsync(cancellationToken: cancellation))
        {
            await own.ExchangeDeclareAsync(destination, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellation);
        }

        try
        {
            await using var passive = await connection.CreateChannelAsync(cancellationToken: cancellation);
            await passive.ExchangeDeclarePassiveAsync(source, cancellation);
        }
        catch (OperationInterruptedException missing) when (missing.ShutdownReason?.ReplyCode == NotFound)
        {
            try
            {
                await using var create = await connection.CreateChannelAsync(cancellationToken: cancellation);
                await create.ExchangeDeclareAsync(source, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellation);
            }
            catch (OperationInterruptedException refused) when (refused.ShutdownReason?.ReplyCode == AccessRefused)
            {
                return false;
            }
        }

        await using var bind = await connection.CreateChannelAsync(cancellationToken: cancellation);
        await bind.ExchangeBindAsync(destination, source, "", cancellationToken: cancellation);
        return true;
    }

    /// <summary>Binds at start-up (waiting a few seconds for it) and retries in the background until every binding is in.</summary>
    internal sealed partial class Binder(ContractSubscriptions subscriptions, RabbitMqSettings settings, IServiceProvider services, ILogger<ContractSubscriptions> logger) : BackgroundService
    {
        private readonly TaskCompletionSource _firstPass = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async Task StartAsync(CancellationToken cancellationToken)
        {
            // The bus's configuration names the exchanges (and so records the subscriptions).
            _ = services.GetRequiredService<IBusControl>();
            await base.StartAsync(cancellationToken);
            await Task.WhenAny(_firstPass.Task, Task.Delay(TimeSpan.FromSeconds(10), cancellationToken));
        }

        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            var delay = TimeSpan.FromSeconds(1);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    var pending = await subscriptions.BindAsync(settings, stoppingToken);
                    if (pending.Count == 0)
                    {
                        _firstPass.TrySetResult();
                        return;
                    }

                    NotYetDeclared(logger, string.Join(", ", pending));
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    BindingFailed(logger, exception);
                }

                _firstPass.TrySetResult();
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromSeconds(Math.Min(delay.TotalSeconds * 2, 30));
            }
        }

        [LoggerMessage(Level = LogLevel.Warning, Message = "Contract exchanges not declared yet by their publisher or provisioning: {Sources}; retrying")]
        private static partial void NotYetDeclared(ILogger logger, string sources);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Binding the contracts this service consumes failed; retrying")]
        private static partial void BindingFailed(ILogger logger, Exception exception);
    }
}
