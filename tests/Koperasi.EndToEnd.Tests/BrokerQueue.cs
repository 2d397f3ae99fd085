using Koperasi.Testing;

namespace Koperasi.EndToEnd.Tests;

/// <summary>A queue of the test vhost as the broker holds it now.</summary>
public static class BrokerQueue
{
    /// <summary>Messages ready in the queue, from the broker itself (the management API's figures lag seconds behind).</summary>
    public static async Task<uint> ReadyAsync(string queue)
    {
        await using var connection = await TestInfrastructure.AdminBroker().CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
    }
}
