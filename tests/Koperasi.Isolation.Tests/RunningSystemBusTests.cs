using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Koperasi.ServiceDefaults.Messaging;
using Koperasi.Testing;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Koperasi.Isolation.Tests;

/// <summary>A contract of the registry, published only by these tests.</summary>
[MessageUrn("koperasi:registry:isolation-probe:v1")]
public sealed record IsolationProbe(Guid Id, bool Fail);

/// <summary>A request the transformation service answers itself, through its bus endpoint.</summary>
[MessageUrn("koperasi:transformation:isolation-ping:v1")]
public sealed record IsolationPing(Guid Id);

[MessageUrn("koperasi:transformation:isolation-pong:v1")]
public sealed record IsolationPong(Guid Id);

/// <summary>What the transformation service consumed.</summary>
public sealed class ConsumedProbes
{
    public ConcurrentDictionary<Guid, int> Attempts { get; } = new();
}

public sealed class IsolationProbeConsumer(ConsumedProbes consumed) : IConsumer<IsolationProbe>
{
    public Task Consume(ConsumeContext<IsolationProbe> context)
    {
        consumed.Attempts.AddOrUpdate(context.Message.Id, 1, (_, n) => n + 1);
        return context.Message.Fail
            ? throw new InvalidOperationException($"Probe {context.Message.Id} fails on purpose.")
            : Task.CompletedTask;
    }
}

public sealed class IsolationPingConsumer : IConsumer<IsolationPing>
{
    public Task Consume(ConsumeContext<IsolationPing> context) => context.RespondAsync(new IsolationPong(context.Message.Id));
}

/// <summary>
/// The registry and the transformation service as the running system wires them
/// (<see cref="MessagingDefaults.AddKoperasiMessaging"/>), in vhost <c>koperasi</c>, each with its
/// own broker user: the transformation service consumes a registry contract. Its endpoints carry
/// the run id as instance id (<c>transformation-isolation-probe-&lt;run&gt;</c>); the three contract
/// exchanges have fixed names, since a URN is fixed at compile time, and are deleted afterwards.
/// </summary>
public sealed class RunningSystemBuses : IAsyncLifetime
{
    private static readonly string[] ContractExchanges =
        ["koperasi:registry:isolation-probe:v1", "koperasi:transformation:isolation-ping:v1", "koperasi:transformation:isolation-pong:v1"];

    public string Tag { get; } = $"{TestInfrastructure.RunId}-bus";

    public IHost Transformation { get; private set; } = null!;

    public IHost Registry { get; private set; } = null!;

    public ConsumedProbes Consumed { get; } = new();

    private static HostApplicationBuilder Builder(string service)
    {
        var (user, password) = TestInfrastructure.BrokerCredentials(service);
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["RabbitMq:Host"] = TestInfrastructure.RabbitMqHost,
            ["RabbitMq:Port"] = TestInfrastructure.RabbitMqPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RabbitMq:VirtualHost"] = Platform.RunningVirtualHost,
            ["RabbitMq:Username"] = user,
            ["RabbitMq:Password"] = password,
        });
        return builder;
    }

    /// <summary>The exchange the transformation service consumes the registry's probe through (its own name).</summary>
    private const string ProbeSubscription = "transformation-koperasi:registry:isolation-probe:v1";

    public async ValueTask InitializeAsync()
    {
        // As provisioning declares every contract's exchange: the subscriber may bind it, not create it.
        await using (var admin = await Platform.BrokerAsync(TestInfrastructure.RabbitMqAdminUser, TestInfrastructure.RabbitMqAdminPassword, Platform.RunningVirtualHost))
        await using (var channel = await admin.CreateChannelAsync())
        {
            await channel.ExchangeDeclareAsync(ContractExchanges[0], ExchangeType.Fanout, durable: true, autoDelete: false);
        }

        var transformation = Builder("transformation");
        transformation.Services.AddSingleton(Consumed);
        transformation.AddKoperasiMessaging("transformation", bus =>
        {
            bus.AddConsumer<IsolationProbeConsumer>().Endpoint(endpoint => endpoint.InstanceId = Tag);
            bus.AddConsumer<IsolationPingConsumer>().Endpoint(endpoint => endpoint.InstanceId = Tag);
        });
        Transformation = transformation.Build();

        var registry = Builder("registry");
        registry.AddKoperasiMessaging("registry");
        Registry = registry.Build();

        foreach (var host in new[] { Transformation, Registry })
        {
            await host.StartAsync();
            var health = await host.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
            health.ShouldBe(BusHealthStatus.Healthy, "a bus whose user lacks a permission does not become healthy");
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in new[] { Registry, Transformation })
        {
            if (host is not null)
            {
                await host.StopAsync();
                host.Dispose();
            }
        }

        await BrokerAdmin.DeleteEntitiesAsync(Platform.RunningVirtualHost, name => name.Contains(Tag, StringComparison.Ordinal) || ContractExchanges.Contains(name) || name == ProbeSubscription);
    }
}

/// <summary>The platform's own MassTransit wiring works within the narrow permissions of the running system.</summary>
public sealed class RunningSystemBusTests(RunningSystemBuses buses) : IClassFixture<RunningSystemBuses>
{
    private const ushort NotFound = 404;

    private string ProbeQueue => $"transformation-isolation-probe-{buses.Tag}";

    [Fact]
    public async Task A_service_consumes_a_contract_of_a_service_it_subscribes_to()
    {
        var id = Guid.NewGuid();

        await buses.Registry.Services.GetRequiredService<IBus>().Publish(new IsolationProbe(id, Fail: false), TestContext.Current.CancellationToken);

        await Eventually.UntilAsync(() => Task.FromResult(buses.Consumed.Attempts.ContainsKey(id)), "the transformation service to consume the registry's probe");
        buses.Consumed.Attempts[id].ShouldBe(1);
    }

    [Fact]
    public async Task A_message_that_fails_for_good_lands_in_the_error_queue_of_the_consuming_service()
    {
        var id = Guid.NewGuid();

        await buses.Registry.Services.GetRequiredService<IBus>().Publish(new IsolationProbe(id, Fail: true), TestContext.Current.CancellationToken);

        // Read as the transformation service's own user: its _error queue is one of its names.
        await using var connection = await Platform.BrokerAsAsync("transformation");
        var failed = await Eventually.ValueAsync(() => TryGetAsync(connection, $"{ProbeQueue}_error"), $"the failed probe in {ProbeQueue}_error");
        using var envelope = JsonDocument.Parse(Encoding.UTF8.GetString(failed.Body.Span));
        envelope.RootElement.GetProperty("message").GetProperty("id").GetGuid().ShouldBe(id);
        Encoding.UTF8.GetString((byte[])failed.BasicProperties.Headers!["MT-Fault-ExceptionType"]!).ShouldBe(typeof(InvalidOperationException).FullName);
        buses.Consumed.Attempts[id].ShouldBeGreaterThan(1, "retried before giving up");
    }

    /// <summary>A message from the queue, or null while the queue is empty or not yet declared (MassTransit declares it on the first failure).</summary>
    private static async Task<BasicGetResult?> TryGetAsync(IConnection connection, string queue)
    {
        await using var channel = await connection.CreateChannelAsync(cancellationToken: TestContext.Current.CancellationToken);
        try
        {
            return await channel.BasicGetAsync(queue, autoAck: true, TestContext.Current.CancellationToken);
        }
        catch (OperationInterruptedException exception) when (exception.ShutdownReason?.ReplyCode == NotFound)
        {
            return null;
        }
    }

    [Fact]
    public async Task The_bus_endpoint_of_a_service_carries_its_prefix_and_answers_requests()
    {
        var bus = buses.Transformation.Services.GetRequiredService<IBus>();
        var id = Guid.NewGuid();

        var response = await bus.CreateRequestClient<IsolationPing>().GetResponse<IsolationPong>(new IsolationPing(id), TestContext.Current.CancellationToken);

        response.Message.Id.ShouldBe(id);
        bus.Address.AbsolutePath.ShouldStartWith($"/{Platform.RunningVirtualHost}/transformation-bus-");
        response.DestinationAddress!.AbsolutePath.ShouldBe(bus.Address.AbsolutePath);
    }
}
