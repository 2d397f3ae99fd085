using System.Diagnostics;
using System.Text;
using Koperasi.Testing;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Koperasi.Isolation.Tests;

/// <summary>
/// deploy/subscriber.sh add &lt;name&gt; onboards a downstream system: in the running system's vhost
/// its user declares and reads queues of its own prefix and binds them to a published contract's
/// exchange, and is refused declaring, deleting or publishing to a publisher's exchange and
/// declaring a queue outside its prefix. The user and its queue are removed afterwards.
/// </summary>
public sealed class SubscriberOnboardingTests : IAsyncLifetime
{
    private const string Contract = "koperasi:registry:cooperative-registered:v1";
    private readonly string _name = "sub" + TestInfrastructure.RunId.ToLowerInvariant().Replace("-", "", StringComparison.Ordinal) + Convert.ToHexString(Guid.NewGuid().ToByteArray()[..2]).ToLowerInvariant();
    private string _password = "";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var output = await RunScriptAsync("add", _name);
        _password = output.Split('\n').Single(l => l.StartsWith("password=", StringComparison.Ordinal))["password=".Length..].Trim();
        output.ShouldContain($"queue_prefix={_name}-");
    }

    public async ValueTask DisposeAsync()
    {
        await BrokerAdmin.DeleteEntitiesAsync(Platform.RunningVirtualHost, name => name.StartsWith(_name + "-", StringComparison.Ordinal) || name.Contains(_name, StringComparison.Ordinal));
        await RunScriptAsync("remove", _name);
    }

    [Fact]
    public async Task The_new_user_binds_its_queue_to_a_contract_and_receives()
    {
        await using var connection = await Platform.BrokerAsync(_name, _password, Platform.RunningVirtualHost);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: Cancellation);
        var queue = $"{_name}-registrations";
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, cancellationToken: Cancellation);
        await channel.QueueBindAsync(queue, Contract, "", cancellationToken: Cancellation);

        // The publisher publishes on its contract's exchange; the subscriber's queue receives it.
        await using (var registry = await Platform.BrokerAsAsync("registry"))
        await using (var publisher = await registry.CreateChannelAsync(new CreateChannelOptions(true, true), Cancellation))
        {
            await publisher.BasicPublishAsync(Contract, "", Encoding.UTF8.GetBytes($"{{\"probe\":\"{_name}\"}}"), Cancellation);
        }

        var delivery = await Eventually.ValueAsync(() => channel.BasicGetAsync(queue, autoAck: true, Cancellation), "the message in the subscriber's queue");
        Encoding.UTF8.GetString(delivery.Body.Span).ShouldContain(_name);
    }

    [Fact]
    public async Task The_new_user_may_not_declare_or_delete_a_publishers_exchange_publish_on_it_or_declare_another_queue()
    {
        await using var connection = await Platform.BrokerAsync(_name, _password, Platform.RunningVirtualHost);
        await ShouldBeRefusedAsync(connection, c => c.ExchangeDeclareAsync(Contract, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: Cancellation), "declare a publisher's exchange");
        await ShouldBeRefusedAsync(connection, c => c.ExchangeDeleteAsync(Contract, cancellationToken: Cancellation), "delete a publisher's exchange");
        await ShouldBeRefusedAsync(connection, c => c.QueueDeclareAsync($"registry-{_name}", durable: true, exclusive: false, autoDelete: false, cancellationToken: Cancellation), "declare a queue of another prefix");
        await ShouldBeRefusedAsync(
            connection,
            c => c.BasicPublishAsync(Contract, "", Encoding.UTF8.GetBytes("{}"), Cancellation).AsTask(),
            "publish on a publisher's exchange");
    }

    [Fact]
    public async Task The_new_user_binds_its_queue_to_a_publishers_replay_exchange_with_its_own_name()
    {
        const string replays = "koperasi:registry:replay";
        await using (var registry = await Platform.BrokerAsAsync("registry"))
        await using (var owner = await registry.CreateChannelAsync(cancellationToken: Cancellation))
        {
            await owner.ExchangeDeclareAsync(replays, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: Cancellation);
        }

        await using var connection = await Platform.BrokerAsync(_name, _password, Platform.RunningVirtualHost);
        var queue = $"{_name}-replayed";
        await using (var channel = await connection.CreateChannelAsync(cancellationToken: Cancellation))
        {
            await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, cancellationToken: Cancellation);
            await channel.QueueBindAsync(queue, replays, queue, cancellationToken: Cancellation);
        }

        // It still may not declare or delete the publisher's replay exchange.
        await ShouldBeRefusedAsync(connection, c => c.ExchangeDeleteAsync(replays, cancellationToken: Cancellation), "delete a publisher's replay exchange");
    }

    private static async Task ShouldBeRefusedAsync(IConnection connection, Func<IChannel, Task> operation, string what)
    {
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), Cancellation);
        var refused = await Should.ThrowAsync<OperationInterruptedException>(() => operation(channel));
        var reason = refused.ShutdownReason ?? channel.CloseReason;
        reason.ShouldNotBeNull(what);
        reason.ReplyCode.ShouldBe(Platform.AccessRefused, $"{what}: {reason.ReplyText}");
    }

    private static async Task<string> RunScriptAsync(string action, string name)
    {
        var root = SourceTree.Root;

        var start = new ProcessStartInfo("bash", [Path.Combine(root, "deploy", "subscriber.sh"), action, name])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["KOPERASI_RABBITMQ_HOST"] = TestInfrastructure.RabbitMqHost;
        start.Environment["KOPERASI_RABBITMQ_MANAGEMENT_PORT"] = TestInfrastructure.RabbitMqManagementPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["KOPERASI_RABBITMQ_ADMIN_USER"] = TestInfrastructure.RabbitMqAdminUser;
        start.Environment["KOPERASI_RABBITMQ_ADMIN_PASSWORD"] = TestInfrastructure.RabbitMqAdminPassword;
        start.Environment["KOPERASI_RABBITMQ_VHOST"] = Platform.RunningVirtualHost;
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(Cancellation);
        var error = await process.StandardError.ReadToEndAsync(Cancellation);
        await process.WaitForExitAsync(Cancellation);
        process.ExitCode.ShouldBe(0, error);
        return output;
    }
}
