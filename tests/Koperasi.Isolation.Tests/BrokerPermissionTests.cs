using System.Net;
using System.Security.Cryptography;
using System.Text;
using Koperasi.Testing;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace Koperasi.Isolation.Tests;

/// <summary>
/// In the running system's vhost a service's broker user works only on its own names
/// (<c>registry-...</c>, its contracts <c>koperasi:registry:...</c>) and may subscribe to, but never
/// publish on, the contracts of the services it consumes (deploy/services.txt). Every refusal is
/// checked on an entity that exists, created by its rightful owner, so it is the permission that
/// refuses and not a missing name. Every name carries the run id; all of it is deleted afterwards.
/// </summary>
public sealed class BrokerPermissionTests : IAsyncLifetime
{
    private static readonly CreateChannelOptions WithConfirms = new(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true);

    // Unique per test: the entities one test creates are its own to delete.
    private readonly string _tag = $"{TestInfrastructure.RunId}-iso{Convert.ToHexString(RandomNumberGenerator.GetBytes(2)).ToLowerInvariant()}";
    private readonly Dictionary<string, IConnection> _connections = [];

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections.Values)
        {
            await connection.DisposeAsync();
        }

        await BrokerAdmin.DeleteEntitiesAsync(Platform.RunningVirtualHost, name => name.Contains(_tag, StringComparison.Ordinal));
        await BrokerAdmin.DeleteEntitiesAsync(TestInfrastructure.TestVirtualHost, name => name.Contains(_tag, StringComparison.Ordinal));
    }

    private async Task<IChannel> ChannelAsync(string service, string virtualHost = Platform.RunningVirtualHost)
    {
        var key = $"{service}@{virtualHost}";
        if (!_connections.TryGetValue(key, out var connection))
        {
            connection = await Platform.BrokerAsAsync(service, virtualHost);
            _connections[key] = connection;
        }

        return await connection.CreateChannelAsync(WithConfirms, Cancellation);
    }

    /// <summary>Runs one operation on a fresh channel of the service and returns the broker's refusal.</summary>
    private async Task<ShutdownEventArgs> RefusalAsync(string service, Func<IChannel, Task> operation)
    {
        await using var channel = await ChannelAsync(service);
        var refused = await Should.ThrowAsync<OperationInterruptedException>(() => operation(channel));
        return refused.ShutdownReason ?? channel.CloseReason ?? throw new ShouldAssertException("The channel closed without a reason.");
    }

    private async Task ShouldBeRefusedAsync(string service, Func<IChannel, Task> operation, string what)
    {
        var reason = await RefusalAsync(service, operation);
        reason.ReplyCode.ShouldBe(Platform.AccessRefused, $"{service}: {what}: {reason.ReplyText}");
        reason.ReplyText.ShouldStartWith("ACCESS_REFUSED");
    }

    private static ReadOnlyMemory<byte> Body(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>What MassTransit does for a consumer: its queue and an exchange of the same name, bound.</summary>
    private static async Task DeclareEndpointAsync(IChannel channel, string name, CancellationToken cancellation)
    {
        await channel.QueueDeclareAsync(name, durable: true, exclusive: false, autoDelete: false, cancellationToken: cancellation);
        await channel.ExchangeDeclareAsync(name, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellation);
        await channel.QueueBindAsync(name, name, "", cancellationToken: cancellation);
    }

    private static Task DeclareContractAsync(IChannel channel, string exchange, CancellationToken cancellation) =>
        channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellation);

    [Fact]
    public async Task The_registry_user_declares_consumes_and_publishes_on_its_own_names()
    {
        var queue = $"registry-{_tag}";
        var contract = $"koperasi:registry:{_tag}:v1";
        await using var channel = await ChannelAsync("registry");

        await DeclareEndpointAsync(channel, queue, Cancellation);
        await DeclareContractAsync(channel, contract, Cancellation);
        await channel.ExchangeBindAsync(queue, contract, "", cancellationToken: Cancellation);
        await channel.BasicPublishAsync(contract, "", Body("koperasi registered"), Cancellation);

        var delivered = await Eventually.ValueAsync(() => channel.BasicGetAsync(queue, autoAck: true, Cancellation), $"the message in {queue}");
        Encoding.UTF8.GetString(delivered.Body.Span).ShouldBe("koperasi registered");
        var consumer = await channel.BasicConsumeAsync(queue, autoAck: true, new AsyncEventingBasicConsumer(channel), Cancellation);
        consumer.ShouldNotBeNullOrEmpty();
        await channel.BasicCancelAsync(consumer, cancellationToken: Cancellation);
        await channel.QueueDeleteAsync(queue, cancellationToken: Cancellation);
    }

    [Theory]
    [InlineData("declare")]
    [InlineData("consume")]
    [InlineData("get")]
    [InlineData("purge")]
    [InlineData("delete")]
    [InlineData("bind")]
    public async Task The_registry_user_is_refused_on_a_queue_of_another_service(string operation)
    {
        var queue = $"transformation-{_tag}";
        await using (var owner = await ChannelAsync("transformation"))
        {
            await DeclareEndpointAsync(owner, queue, Cancellation);
            await owner.BasicPublishAsync(queue, "", Body("case opened"), Cancellation);
        }

        var own = $"registry-{_tag}";
        await using (var registry = await ChannelAsync("registry"))
        {
            await DeclareEndpointAsync(registry, own, Cancellation);
        }

        Func<IChannel, Task> attempt = operation switch
        {
            "declare" => channel => channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, cancellationToken: Cancellation),
            "consume" => channel => channel.BasicConsumeAsync(queue, autoAck: true, new AsyncEventingBasicConsumer(channel), Cancellation),
            "get" => channel => channel.BasicGetAsync(queue, autoAck: true, Cancellation),
            "purge" => channel => channel.QueuePurgeAsync(queue, Cancellation),
            "delete" => channel => channel.QueueDeleteAsync(queue, cancellationToken: Cancellation),
            "bind" => channel => channel.QueueBindAsync(queue, own, "", cancellationToken: Cancellation),
            _ => throw new ArgumentOutOfRangeException(nameof(operation)),
        };
        await ShouldBeRefusedAsync("registry", attempt, $"{operation} {queue}");

        await using var check = await ChannelAsync("transformation");
        (await check.QueueDeclarePassiveAsync(queue, Cancellation)).MessageCount.ShouldBe(1u, "the other service's queue is untouched");
    }

    [Fact]
    public async Task The_registry_user_may_not_publish_on_the_contracts_of_another_service()
    {
        var contract = $"koperasi:transformation:{_tag}:v1";
        await using (var owner = await ChannelAsync("transformation"))
        {
            await DeclareContractAsync(owner, contract, Cancellation);
            await owner.BasicPublishAsync(contract, "", Body("the owner may"), Cancellation);
        }

        await ShouldBeRefusedAsync("registry", channel => channel.BasicPublishAsync(contract, "", Body("case approved"), Cancellation).AsTask(), $"publish to {contract}");
    }

    [Fact]
    public async Task The_registry_user_may_not_send_through_the_default_exchange()
    {
        var queue = $"transformation-{_tag}";
        await using (var owner = await ChannelAsync("transformation"))
        {
            await DeclareEndpointAsync(owner, queue, Cancellation);
        }

        await ShouldBeRefusedAsync("registry", channel => channel.BasicPublishAsync("", queue, Body("straight into the queue"), Cancellation).AsTask(), "publish to the default exchange");
    }

    [Theory]
    [InlineData("queue", "{0}-outside")]
    [InlineData("exchange", "{0}-outside")]
    [InlineData("queue", "transformation-{0}")]
    [InlineData("exchange", "funding-{0}")]
    [InlineData("exchange", "MassTransit:Fault--Koperasi.Contracts.Registry:CooperativeRegistered-{0}--")]
    [InlineData("exchange", "koperasi:{0}:v1")]
    public async Task The_registry_user_may_not_declare_anything_outside_its_names(string kind, string pattern)
    {
        var name = string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, _tag);

        await ShouldBeRefusedAsync(
            "registry",
            channel => kind == "queue"
                ? channel.QueueDeclareAsync(name, durable: true, exclusive: false, autoDelete: false, cancellationToken: Cancellation)
                : channel.ExchangeDeclareAsync(name, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: Cancellation),
            $"declare {kind} {name}");
    }

    /// <summary>
    /// How a service subscribes to another's contract (ContractSubscriptions): an exchange of its own
    /// for it, bound to its endpoint, and the publisher's exchange (declared by the publisher or
    /// provisioning) bound to that: read on the publisher's exchange, never configure.
    /// </summary>
    private static async Task SubscribeAsync(IChannel channel, string endpoint, string ownExchange, string contract, CancellationToken cancellation)
    {
        await DeclareEndpointAsync(channel, endpoint, cancellation);
        await DeclareContractAsync(channel, ownExchange, cancellation);
        await channel.ExchangeBindAsync(endpoint, ownExchange, "", cancellationToken: cancellation);
        await channel.ExchangeBindAsync(ownExchange, contract, "", cancellationToken: cancellation);
    }

    [Fact]
    public async Task A_service_may_subscribe_to_the_contracts_it_consumes_and_to_no_others()
    {
        var endpoint = $"transformation-{_tag}";
        var registryContract = $"koperasi:registry:{_tag}:v1";
        var fundingContract = $"koperasi:funding:{_tag}:v1";
        await using (var funding = await ChannelAsync("funding"))
        {
            await DeclareContractAsync(funding, fundingContract, Cancellation);
        }

        await using (var registry = await ChannelAsync("registry"))
        {
            await DeclareContractAsync(registry, registryContract, Cancellation);
        }

        await using (var transformation = await ChannelAsync("transformation"))
        {
            await SubscribeAsync(transformation, endpoint, $"transformation-{registryContract}", registryContract, Cancellation);
        }

        await using (var registry = await ChannelAsync("registry"))
        {
            await registry.BasicPublishAsync(registryContract, "", Body("koperasi registered"), Cancellation);
        }

        await using (var transformation = await ChannelAsync("transformation"))
        {
            var delivered = await Eventually.ValueAsync(() => transformation.BasicGetAsync(endpoint, autoAck: true, Cancellation), $"the message in {endpoint}");
            Encoding.UTF8.GetString(delivered.Body.Span).ShouldBe("koperasi registered");
        }

        await ShouldBeRefusedAsync("transformation", channel => DeclareContractAsync(channel, registryContract, Cancellation), $"declare {registryContract}");
        await ShouldBeRefusedAsync("transformation", channel => DeclareContractAsync(channel, fundingContract, Cancellation), $"declare {fundingContract}");
        await ShouldBeRefusedAsync("transformation", channel => channel.ExchangeBindAsync(endpoint, fundingContract, "", cancellationToken: Cancellation), $"bind {fundingContract}");
        await ShouldBeRefusedAsync("transformation", channel => channel.BasicPublishAsync(registryContract, "", Body("forged"), Cancellation).AsTask(), $"publish to {registryContract}");
    }

    [Fact]
    public async Task The_registry_may_subscribe_to_the_grants_Funding_pays()
    {
        // As the Registry's registry-record-government-aid queue gets koperasi:funding:grant-disbursed:v1.
        var endpoint = $"registry-{_tag}";
        var fundingContract = $"koperasi:funding:{_tag}:v1";
        await using (var funding = await ChannelAsync("funding"))
        {
            await DeclareContractAsync(funding, fundingContract, Cancellation);
        }

        await using (var registry = await ChannelAsync("registry"))
        {
            await SubscribeAsync(registry, endpoint, $"registry-{fundingContract}", fundingContract, Cancellation);
        }

        await using (var funding = await ChannelAsync("funding"))
        {
            await funding.BasicPublishAsync(fundingContract, "", Body("grant disbursed"), Cancellation);
        }

        await using (var registry = await ChannelAsync("registry"))
        {
            var delivered = await Eventually.ValueAsync(() => registry.BasicGetAsync(endpoint, autoAck: true, Cancellation), $"the message in {endpoint}");
            Encoding.UTF8.GetString(delivered.Body.Span).ShouldBe("grant disbursed");
        }

        await ShouldBeRefusedAsync("registry", channel => channel.BasicPublishAsync(fundingContract, "", Body("forged"), Cancellation).AsTask(), $"publish to {fundingContract}");
    }

    /// <summary>
    /// Deleting a publisher's exchange would drop every subscriber's binding: no user but its owner
    /// may, not even a subscriber of it. Checked on an exchange the owner declared and bound.
    /// </summary>
    [Theory]
    [InlineData("registry", "transformation")]
    [InlineData("registry", "funding")]
    [InlineData("transformation", "registry")]
    [InlineData("transformation", "funding")]
    [InlineData("funding", "registry")]
    [InlineData("funding", "transformation")]
    public async Task A_service_user_may_not_delete_another_services_exchange(string service, string owner)
    {
        var contract = $"koperasi:{owner}:{_tag}:v1";
        var endpoint = $"{owner}-{_tag}";
        await using (var channel = await ChannelAsync(owner))
        {
            await DeclareContractAsync(channel, contract, Cancellation);
            await DeclareEndpointAsync(channel, endpoint, Cancellation);
        }

        await ShouldBeRefusedAsync(service, channel => channel.ExchangeDeleteAsync(contract, cancellationToken: Cancellation), $"delete {contract}");
        await ShouldBeRefusedAsync(service, channel => channel.ExchangeDeleteAsync(endpoint, cancellationToken: Cancellation), $"delete {endpoint}");

        await using var check = await ChannelAsync(owner);
        await check.ExchangeDeclarePassiveAsync(contract, Cancellation);
        await check.ExchangeDeclarePassiveAsync(endpoint, Cancellation);
    }

    [Fact]
    public async Task Provisioning_declared_the_exchange_of_every_contract()
    {
        var contracts = typeof(Koperasi.Contracts.Registry.CooperativeRegistered).Assembly.GetTypes()
            .Select(type => type.GetCustomAttributes(typeof(MassTransit.MessageUrnAttribute), false).Cast<MassTransit.MessageUrnAttribute>().SingleOrDefault())
            .OfType<MassTransit.MessageUrnAttribute>()
            .Select(urn => urn.Urn.ToString()["urn:message:".Length..])
            .ToList();
        contracts.ShouldNotBeEmpty();

        foreach (var contract in contracts)
        {
            // A passive declare needs no permission: it fails only when the exchange is missing.
            await using var channel = await ChannelAsync(contract.Split(':')[1] is var owner && Platform.Services.Contains(owner) ? owner : "registry");
            await channel.ExchangeDeclarePassiveAsync(contract, Cancellation);
        }
    }

    [Fact]
    public async Task In_the_test_vhost_a_service_user_may_use_any_name()
    {
        var queue = $"{_tag}.transformation-anything";
        await using var channel = await ChannelAsync("registry", TestInfrastructure.TestVirtualHost);

        await channel.QueueDeclareAsync(queue, durable: false, exclusive: false, autoDelete: false, cancellationToken: Cancellation);

        (await channel.QueueDeleteAsync(queue, cancellationToken: Cancellation)).ShouldBe(0u);
    }

    [Theory]
    [InlineData("koperasi")]
    [InlineData("koperasi-test")]
    [InlineData("/")]
    public async Task The_guest_user_cannot_log_in(string virtualHost)
    {
        var unreachable = await Should.ThrowAsync<BrokerUnreachableException>(() => Platform.BrokerAsync("guest", "guest", virtualHost));
        unreachable.InnerException.ShouldBeOfType<AuthenticationFailureException>();

        using var management = BrokerAdmin.CreateClient("guest", "guest");
        using var response = await management.GetAsync(new Uri("whoami", UriKind.Relative), Cancellation);
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("registry")]
    [InlineData("transformation")]
    [InlineData("funding")]
    public async Task A_service_user_has_no_access_to_the_management_API(string service)
    {
        var (user, password) = TestInfrastructure.BrokerCredentials(service);
        using var management = BrokerAdmin.CreateClient(user, password);

        using var response = await management.GetAsync(new Uri("overview", UriKind.Relative), Cancellation);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
