using System.Net.Http.Json;
using Koperasi.ServiceDefaults.Messaging;
using Koperasi.Testing;
using RabbitMQ.Client;

namespace Koperasi.EndToEnd.Tests;

/// <summary>
/// A broker vhost of a test platform's own, whose hosts use no name prefix: the broker's names are
/// then exactly those of production, so a subscriber onboarded by deploy/subscriber.sh has exactly the
/// permissions it has there. Set up as provisioning does: the services' users may do everything in
/// it, and every contract's exchange exists before anyone binds to it. Deleted with everything in it.
/// </summary>
public sealed class OwnVirtualHost : IAsyncDisposable
{
    private OwnVirtualHost(string name) => Name = name;

    public string Name { get; }

    public static async Task<OwnVirtualHost> CreateAsync(string name, params string[] services)
    {
        var own = new OwnVirtualHost($"{TestInfrastructure.RunId}-{name}");
        using var admin = BrokerAdmin.CreateClient();
        var vhost = Uri.EscapeDataString(own.Name);
        (await admin.PutAsJsonAsync($"vhosts/{vhost}", new { })).EnsureSuccessStatusCode();
        foreach (var user in services.Select(s => TestInfrastructure.BrokerCredentials(s).User).Prepend(TestInfrastructure.RabbitMqAdminUser))
        {
            (await admin.PutAsJsonAsync($"permissions/{vhost}/{Uri.EscapeDataString(user)}", new { configure = ".*", write = ".*", read = ".*" })).EnsureSuccessStatusCode();
        }

        await using var connection = await own.ConnectAsAdminAsync();
        await using var channel = await connection.CreateChannelAsync();
        foreach (var exchange in new[] { "registry", "transformation", "funding" }.SelectMany(AsyncApiDocument.ContractsOf).Select(AsyncApiDocument.Exchange))
        {
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
        }

        return own;
    }

    /// <summary>The host on this vhost, without a name prefix.</summary>
    public ServiceHost<TProgram> Place<TProgram>(ServiceHost<TProgram> host) where TProgram : class =>
        host.With("RabbitMq:VirtualHost", Name).With("RabbitMq:EntityPrefix", "");

    public Task<IConnection> ConnectAsAdminAsync() => TestInfrastructure.AdminBroker(Name).CreateConnectionAsync();

    public async ValueTask DisposeAsync()
    {
        using var admin = BrokerAdmin.CreateClient();
        using var _ = await admin.DeleteAsync(new Uri($"vhosts/{Uri.EscapeDataString(Name)}", UriKind.Relative));
    }
}
