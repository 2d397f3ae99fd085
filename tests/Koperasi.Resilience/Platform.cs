using System.Globalization;
using Koperasi.ServiceDefaults.Identity;
using Koperasi.Testing;
using Npgsql;

namespace Koperasi.Resilience;

/// <summary>
/// What one row runs: the Registry (one replica or more, HotCold, as in production), optionally the
/// Transformation service consuming its facts, the gateway in front of them, and the subscriber, all
/// in a schema and under a broker prefix of the row's own on the servers of the run. The processes
/// run with the product's settings (daemon, relay retry, leadership polling), not the tests' shorter ones.
/// </summary>
public sealed class Platform : IAsyncDisposable
{
    private readonly string _root;
    private readonly string _logs;
    private readonly List<ServiceProcess> _registries = [];

    private Platform(string root, string name, string logs)
    {
        _root = root;
        _logs = logs;
        Schema = $"res_{TestInfrastructure.RunId}_{name}";
        EntityPrefix = $"res-{TestInfrastructure.RunId}-{name}";
    }

    public string Schema { get; }

    public string EntityPrefix { get; }

    public IReadOnlyList<ServiceProcess> Registries => _registries;

    public ServiceProcess? Transformation { get; private set; }

    public ServiceProcess Gateway { get; private set; } = null!;

    public Subscriber Subscriber { get; private set; } = null!;

    /// <summary>A client of the gateway acting as admin-provinsi, with a timeout a caller would have.</summary>
    public HttpClient Client { get; private set; } = null!;

    public const string Ready = "/health/ready";

    public static async Task<Platform> StartAsync(string root, string name, int registryReplicas, bool transformation, CancellationToken cancellationToken)
    {
        var platform = new Platform(root, name, Path.Combine(root, ".local", "resilience", "logs", TestInfrastructure.RunId));
        try
        {
            // The subscriber's queue exists before the first fact is published.
            platform.Subscriber = await Subscriber.StartAsync(platform.EntityPrefix);
            for (var k = 1; k <= registryReplicas; k++)
            {
                await platform.StartRegistryAsync(cancellationToken);
            }

            if (transformation)
            {
                platform.Transformation = await ServiceProcess.StartAsync(
                    root, $"{name}-transformation", "Koperasi.Transformation", platform.Settings("transformation", new()
                    {
                        ["Dissolution:ScheduledDeadlineEvaluation"] = "false",
                        ["Ministry:BaseAddress"] = "http://127.0.0.1:9",
                    }), platform._logs, Ready, cancellationToken);
            }

            var nowhere = "http://127.0.0.1:9";
            platform.Gateway = await ServiceProcess.StartAsync(root, $"{name}-gateway", "Koperasi.Gateway", new Dictionary<string, string>
            {
                ["Services:Registry"] = string.Join(',', platform._registries.Select(r => r.Address.ToString().TrimEnd('/'))),
                ["Services:Transformation"] = platform.Transformation?.Address.ToString().TrimEnd('/') ?? nowhere,
                ["Services:Funding"] = nowhere,
                ["Auth:Issuer"] = TestTokens.Issuer,
                ["Auth:Audience"] = TestTokens.Audience,
                ["Auth:SigningKey"] = TestTokens.SigningKey,
                ["Logging:LogLevel:Default"] = "Warning",
                ["RateLimits:WritesPerMinute"] = "100000000",
            }, platform._logs, "/health/live", cancellationToken);
            platform.Client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 16 })
            {
                BaseAddress = platform.Gateway.Address,
                Timeout = TimeSpan.FromSeconds(10),
            }.As(KoperasiRoles.AdminProvinsi);
            return platform;
        }
        catch
        {
            await platform.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts one more replica of the Registry on the row's schema (the gateway is told of the replicas at its start).</summary>
    public async Task<ServiceProcess> StartRegistryAsync(CancellationToken cancellationToken)
    {
        var replica = await ServiceProcess.StartAsync(
            _root, $"{EntityPrefix}-registry-{_registries.Count + 1}", "Koperasi.Registry",
            Settings("registry", new() { ["Activity:ScheduledEvaluation"] = "false" }), _logs, Ready, cancellationToken);
        _registries.Add(replica);
        return replica;
    }

    /// <summary>A connection to a service's database of the run (the row's schema is in it).</summary>
    public static NpgsqlConnection Database(string service) => new(TestInfrastructure.TestDatabase(service));

    /// <summary>The registrations committed in the Registry's store of this row (its event log), by koperasi.</summary>
    public async Task<HashSet<Guid>> CommittedRegistrationsAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await ReadCommittedAsync(cancellationToken);
        }
        catch (NpgsqlException)
        {
            // A pooled connection from before PostgreSQL was killed: drop the pool, ask again.
            NpgsqlConnection.ClearAllPools();
            return await ReadCommittedAsync(cancellationToken);
        }
    }

    private async Task<HashSet<Guid>> ReadCommittedAsync(CancellationToken cancellationToken)
    {
        await using var connection = Database("registry");
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"select stream_id from \"{Schema}\".mt_events where type = 'cooperative-registered'", connection);
        var committed = new HashSet<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            committed.Add(reader.GetGuid(0));
        }

        return committed;
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (Gateway is not null)
        {
            await Gateway.DisposeAsync();
        }

        if (Transformation is not null)
        {
            await Transformation.DisposeAsync();
        }

        foreach (var registry in _registries)
        {
            await registry.DisposeAsync();
        }

        if (Subscriber is not null)
        {
            await Subscriber.DisposeAsync();
        }

        // The row's exchanges and queues (the services' and the subscriber's), as the tests' hosts do.
        await BrokerAdmin.DeleteEntitiesAsync(EntityPrefix + ".");
        await DropAsync("registry");
        await DropAsync("transformation");
    }

    private async Task DropAsync(string service)
    {
        try
        {
            await using var connection = Database(service);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"drop schema if exists \"{Schema}\" cascade", connection);
            await command.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException)
        {
            // Best effort: the run's id names the schema.
        }
    }

    private Dictionary<string, string> Settings(string service, Dictionary<string, string> more)
    {
        var (mqUser, mqPassword) = TestInfrastructure.BrokerCredentials(service);
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:Postgres"] = TestInfrastructure.TestDatabase(service),
            ["Marten:Schema"] = Schema,
            ["RabbitMq:Host"] = TestInfrastructure.RabbitMqHost,
            ["RabbitMq:Port"] = TestInfrastructure.RabbitMqPort.ToString(CultureInfo.InvariantCulture),
            ["RabbitMq:VirtualHost"] = TestInfrastructure.TestVirtualHost,
            ["RabbitMq:Username"] = mqUser,
            ["RabbitMq:Password"] = mqPassword,
            ["RabbitMq:EntityPrefix"] = EntityPrefix,
            ["Auth:Issuer"] = TestTokens.Issuer,
            ["Auth:Audience"] = TestTokens.Audience,
            ["Auth:SigningKey"] = TestTokens.SigningKey,
            ["PersonalData:MasterKey"] = TestSecrets.PersonalDataMasterKey,
            ["PersonalData:NikHashKey"] = TestSecrets.PersonalDataNikHashKey,
            ["Logging:LogLevel:Default"] = "Warning",
            // One caller writes the whole load: the per-user limit of writes would refuse most of it.
            ["RateLimits:WritesPerMinute"] = "100000000",
        };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }
}
