using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Xunit;

namespace Koperasi.Testing;

/// <summary>
/// A service hosted in the test process against the real PostgreSQL and RabbitMQ, isolated by
/// its own database schema and broker-entity prefix, with a clock the test moves. Dropping the
/// schema and the broker entities on dispose keeps runs from accumulating.
/// </summary>
public class ServiceHost<TProgram> : WebApplicationFactory<TProgram>, IAsyncLifetime
    where TProgram : class
{
    private readonly string _service;
    private readonly Dictionary<string, string?> _settings = [];
    private CapturedLogs? _logs;
    private PublishedContracts? _published;
    private bool _keepState;

    /// <summary>
    /// A host whose schema and prefix derive from <paramref name="name"/>: two hosts given one name
    /// share a database schema (a restart, a replica); give each its own name otherwise.
    /// </summary>
    public ServiceHost(string service, string name, DateTimeOffset? now = null)
    {
        ProcessWideBusMetrics.Ensure();
        _service = service;
        var suffix = new string([.. name.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)]);
        Schema = $"{TestInfrastructure.RunId}_{suffix}";
        EntityPrefix = $"{TestInfrastructure.RunId}-{suffix}";
        Clock = new FakeTimeProvider(now ?? new DateTimeOffset(2026, 11, 22, 3, 0, 0, TimeSpan.Zero));
    }

    /// <summary>The clock the service sees; tests move it.</summary>
    public FakeTimeProvider Clock { get; }

    /// <summary>The database schema of this host.</summary>
    public string Schema { get; }

    /// <summary>The prefix of every exchange and queue this host creates.</summary>
    public string EntityPrefix { get; }

    /// <summary>Adds or overrides a configuration value before the host starts.</summary>
    public ServiceHost<TProgram> With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Captures every log entry of the host, at every level, into <paramref name="logs"/>.</summary>
    public ServiceHost<TProgram> WithLogs(CapturedLogs logs)
    {
        _logs = logs;
        return this;
    }

    /// <summary>
    /// Checks every message the host publishes against its AsyncAPI document; disposing the host
    /// fails when one did not conform (<see cref="PublishedContracts"/>).
    /// </summary>
    public ServiceHost<TProgram> WithPublishedContractsValidation()
    {
        _published = new PublishedContracts();
        return this;
    }

    /// <summary>What the host published, checked against its AsyncAPI document, when <see cref="WithPublishedContractsValidation"/> is on.</summary>
    public PublishedContracts? Published => _published;

    /// <summary>Clients act as admin-provinsi unless a test says otherwise.</summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.As(Koperasi.ServiceDefaults.Identity.KoperasiRoles.AdminProvinsi);
    }

    /// <summary>A client acting in a role, scoped to the given regencies.</summary>
    public HttpClient CreateClientAs(string role, params string[] regencies) => CreateClient().As(role, regencies);

    /// <summary>A client without any token.</summary>
    public HttpClient CreateAnonymousClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = null;
        return client;
    }

    public virtual ValueTask InitializeAsync()
    {
        _ = Server;
        return ValueTask.CompletedTask;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var (mqUser, mqPassword) = TestInfrastructure.BrokerCredentials(_service);
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Postgres", TestInfrastructure.TestDatabase(_service));
        builder.UseSetting("Marten:Schema", Schema);
        builder.UseSetting("RabbitMq:Host", TestInfrastructure.RabbitMqHost);
        builder.UseSetting("RabbitMq:Port", TestInfrastructure.RabbitMqPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("RabbitMq:VirtualHost", TestInfrastructure.TestVirtualHost);
        builder.UseSetting("RabbitMq:Username", mqUser);
        builder.UseSetting("RabbitMq:Password", mqPassword);
        builder.UseSetting("RabbitMq:EntityPrefix", EntityPrefix);
        builder.UseSetting("Relay:MaxRetryDelay", "00:00:01");
        // A replica that restarts or takes over finds the daemon's and the elected work's locks free within a second.
        builder.UseSetting("Marten:LeadershipPollingTime", "00:00:01");
        builder.UseSetting("Auth:Issuer", TestTokens.Issuer);
        builder.UseSetting("Auth:Audience", TestTokens.Audience);
        builder.UseSetting("Auth:SigningKey", TestTokens.SigningKey);
        builder.UseSetting("PersonalData:MasterKey", TestSecrets.PersonalDataMasterKey);
        builder.UseSetting("PersonalData:NikHashKey", TestSecrets.PersonalDataNikHashKey);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        // The test's clock, under the development clock as in Development (offset 0 unless a test moves it through ops/clock).
        builder.ConfigureServices(services =>
        {
            services.AddSingleton(new Koperasi.ServiceDefaults.Time.DevelopmentClock(Clock));
            services.AddSingleton<TimeProvider>(provider => provider.GetRequiredService<Koperasi.ServiceDefaults.Time.DevelopmentClock>());
        });
        if (_published is { } published)
        {
            builder.ConfigureServices(services => services.AddPublishObserver(_ => published));
        }
        if (_logs is { } logs)
        {
            builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        }
    }

    /// <summary>
    /// Stops the host as a process stops: its schema and its durable queues stay, so a new host of
    /// the same name starts where this one left off and consumes what was published meanwhile.
    /// </summary>
    public ValueTask StopAsync()
    {
        _keepState = true;
        return DisposeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (!_keepState)
        {
            await DropSchemaAsync();
            // Every entity of the host is named "{prefix}."; the dot keeps a host named "http1" off "http10"'s.
            await BrokerAdmin.DeleteEntitiesAsync(EntityPrefix + ".");
        }

        GC.SuppressFinalize(this);
        if (_published is { Problems.Count: > 0 } published)
        {
            throw new InvalidOperationException(
                $"{_service} published messages that do not conform to its AsyncAPI document:\n" + string.Join("\n", published.Problems.Take(20)));
        }
    }

    private async Task DropSchemaAsync()
    {
        await using var connection = new NpgsqlConnection(TestInfrastructure.TestDatabase(_service));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"drop schema if exists \"{Schema}\" cascade", connection);
        await command.ExecuteNonQueryAsync();
    }
}
