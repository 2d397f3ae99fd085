using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;

namespace Koperasi.Testing;

/// <summary>The broker's management API, for tidying up after a run and for isolation checks.</summary>
public static class BrokerAdmin
{
    private sealed record Entity(string Name);

    public static HttpClient CreateClient(string? user = null, string? password = null)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://{TestInfrastructure.RabbitMqHost}:{TestInfrastructure.RabbitMqManagementPort}/api/") };
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user ?? TestInfrastructure.RabbitMqAdminUser}:{password ?? TestInfrastructure.RabbitMqAdminPassword}"));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        return client;
    }

    /// <summary>Deletes the exchanges and queues of the test vhost whose names start with the prefix.</summary>
    public static Task DeleteEntitiesAsync(string prefix) =>
        DeleteEntitiesAsync(TestInfrastructure.TestVirtualHost, name => name.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>Deletes the exchanges and queues of a vhost whose names match.</summary>
    public static async Task DeleteEntitiesAsync(string virtualHost, Func<string, bool> match)
    {
        try
        {
            using var client = CreateClient();
            var vhost = Uri.EscapeDataString(virtualHost);
            foreach (var kind in new[] { "queues", "exchanges" })
            {
                var entities = await client.GetFromJsonAsync<List<Entity>>($"{kind}/{vhost}?columns=name") ?? [];
                foreach (var entity in entities.Where(e => match(e.Name)))
                {
                    using var _ = await client.DeleteAsync(new Uri($"{kind}/{vhost}/{Uri.EscapeDataString(entity.Name)}", UriKind.Relative));
                }
            }
        }
        catch (HttpRequestException)
        {
            // Tidying is best effort: a broker that is down is not the test's failure.
        }
    }
}
