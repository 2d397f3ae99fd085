using Koperasi.Testing;
using Npgsql;
using RabbitMQ.Client;

namespace Koperasi.Isolation.Tests;

/// <summary>The services whose isolation is checked, and connections made with their own credentials.</summary>
internal static class Platform
{
    /// <summary>Every service provisioned by deploy/infra.sh (deploy/services.txt).</summary>
    public static readonly string[] Services = ["registry", "transformation", "funding"];

    /// <summary>The running system's vhost, where each service user has only its own names.</summary>
    public const string RunningVirtualHost = "koperasi";

    /// <summary>RabbitMQ's reply code for ACCESS_REFUSED.</summary>
    public const ushort AccessRefused = 403;

    public static IEnumerable<string> DatabasesOf(string service) => [$"koperasi_{service}", $"koperasi_{service}_test"];

    /// <summary>A connection string to <paramref name="database"/> with <paramref name="service"/>'s role; no pooling, so every open is a real login.</summary>
    public static string DatabaseAs(string service, string database)
    {
        var (user, password) = TestInfrastructure.DatabaseCredentials(service);
        return new NpgsqlConnectionStringBuilder
        {
            Host = TestInfrastructure.PostgresHost,
            Port = TestInfrastructure.PostgresPort,
            Database = database,
            Username = user,
            Password = password,
            Pooling = false,
        }.ConnectionString;
    }

    /// <summary>An AMQP connection as <paramref name="service"/>'s broker user.</summary>
    public static Task<IConnection> BrokerAsAsync(string service, string virtualHost = RunningVirtualHost)
    {
        var (user, password) = TestInfrastructure.BrokerCredentials(service);
        return BrokerAsync(user, password, virtualHost);
    }

    public static Task<IConnection> BrokerAsync(string user, string password, string virtualHost) =>
        new ConnectionFactory
        {
            HostName = TestInfrastructure.RabbitMqHost,
            Port = TestInfrastructure.RabbitMqPort,
            VirtualHost = virtualHost,
            UserName = user,
            Password = password,
            ClientProvidedName = $"Koperasi.Isolation.Tests {TestInfrastructure.RunId}",
            AutomaticRecoveryEnabled = false,
        }.CreateConnectionAsync();
}
