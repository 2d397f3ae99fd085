using System.Security.Cryptography;
using RabbitMQ.Client;

namespace Koperasi.Testing;

/// <summary>
/// The PostgreSQL and RabbitMQ the tests run against, as deploy/infra.sh provided them: from the
/// environment (test.sh exports them) or, when a test runs from an IDE, from .local/infra.env.
/// </summary>
public static class TestInfrastructure
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Settings = new(Load);

    /// <summary>Identifies this test run; every schema and broker entity it creates carries it.</summary>
    public static string RunId { get; } = "t" + Convert.ToHexString(RandomNumberGenerator.GetBytes(3)).ToLowerInvariant();

    public static string PostgresHost => Get("KOPERASI_POSTGRES_HOST");
    public static int PostgresPort => int.Parse(Get("KOPERASI_POSTGRES_PORT"), System.Globalization.CultureInfo.InvariantCulture);
    public static string RabbitMqHost => Get("KOPERASI_RABBITMQ_HOST");
    public static int RabbitMqPort => int.Parse(Get("KOPERASI_RABBITMQ_PORT"), System.Globalization.CultureInfo.InvariantCulture);
    public static int RabbitMqManagementPort => int.Parse(Get("KOPERASI_RABBITMQ_MANAGEMENT_PORT"), System.Globalization.CultureInfo.InvariantCulture);
    public static string RabbitMqAdminUser => Get("KOPERASI_RABBITMQ_ADMIN_USER");
    public static string RabbitMqAdminPassword => Get("KOPERASI_RABBITMQ_ADMIN_PASSWORD");
    public const string TestVirtualHost = "koperasi-test";

    /// <summary>Whether deploy/infra.sh runs the servers on this machine (its "local" mode), so their sockets and processes are readable here.</summary>
    public static bool ServersAreLocal => Find("KOPERASI_INFRA_MODE") == "local";

    /// <summary>Database user and password of a service ("registry").</summary>
    public static (string User, string Password) DatabaseCredentials(string service) =>
        (Get($"KOPERASI_{service.ToUpperInvariant()}_DB_USER"), Get($"KOPERASI_{service.ToUpperInvariant()}_DB_PASSWORD"));

    /// <summary>Broker user and password of a service.</summary>
    public static (string User, string Password) BrokerCredentials(string service) =>
        (Get($"KOPERASI_{service.ToUpperInvariant()}_MQ_USER"), Get($"KOPERASI_{service.ToUpperInvariant()}_MQ_PASSWORD"));

    /// <summary>A connection to the broker as its administrator, on the tests' virtual host unless another is named.</summary>
    public static ConnectionFactory AdminBroker(string virtualHost = TestVirtualHost) => new()
    {
        HostName = RabbitMqHost,
        Port = RabbitMqPort,
        VirtualHost = virtualHost,
        UserName = RabbitMqAdminUser,
        Password = RabbitMqAdminPassword,
    };

    /// <summary>Connection string to a service's test database.</summary>
    public static string TestDatabase(string service)
    {
        var (user, password) = DatabaseCredentials(service);
        return $"Host={PostgresHost};Port={PostgresPort};Database=koperasi_{service}_test;Username={user};Password={password};Maximum Pool Size=40";
    }

    private static string Get(string key) =>
        Find(key) ?? throw new InvalidOperationException(
            $"{key} is not set. Run the tests with ./test.sh, or run deploy/infra.sh up first so .local/infra.env exists.");

    private static string? Find(string key) =>
        Environment.GetEnvironmentVariable(key) is { Length: > 0 } value ? value : Settings.Value.GetValueOrDefault(key);

    private static Dictionary<string, string> Load()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var file = Path.Combine(dir.FullName, ".local", "infra.env");
            if (File.Exists(file))
            {
                return File.ReadAllLines(file)
                    .Where(line => line.Contains('=', StringComparison.Ordinal))
                    .Select(line => line.Split('=', 2))
                    .ToDictionary(parts => parts[0], parts => parts[1]);
            }
        }

        return [];
    }
}
