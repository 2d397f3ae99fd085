using Koperasi.ServiceDefaults.Messaging;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Weasel.Core;

namespace Koperasi.ServiceDefaults.Persistence;

/// <summary>Marten as every service uses it.</summary>
public static class MartenDefaults
{
    /// <summary>
    /// Registers the service's event store: the connection from <c>ConnectionStrings:Postgres</c>,
    /// the schema and daemon mode from <c>Marten</c>, event metadata (user, correlation, causation,
    /// headers with role and trace context), a NOTIFY after each commit that appended events for a
    /// low-latency relay (<see cref="AppendWakeup"/>), the same JSON
    /// conventions as the API, and the outbox relay of <typeparamref name="TMap"/>.
    /// </summary>
    public static MartenServiceCollectionExtensions.MartenConfigurationExpression AddKoperasiMarten<TMap>(
        this IHostApplicationBuilder builder,
        string defaultSchema,
        Action<StoreOptions> configure)
        where TMap : class, IIntegrationEventMap
    {
        var connectionString = builder.Configuration.GetConnectionString("Postgres")
            ?? throw new InvalidOperationException("ConnectionStrings:Postgres is not configured.");
        var settings = builder.Configuration.GetSection("Marten").Get<MartenSettings>() ?? new MartenSettings();

        var schema = settings.Schema ?? defaultSchema;
        builder.Services.AddSingleton<IIntegrationEventMap, TMap>();
        builder.Services.AddSingleton(provider => new AppendWakeup(connectionString, provider.GetRequiredService<ILogger<AppendWakeup>>()));
        builder.Services.AddSingleton(provider => new LeaderElection(
            connectionString, schema, settings.LeadershipPollingTime, provider.GetRequiredService<ILogger<LeaderElection>>()));
        builder.Services.AddHealthChecks()
            .AddCheck("postgresql", new Health.PostgresHealthCheck(connectionString), tags: ["ready"]);

        var marten = builder.Services.AddMarten(options =>
            {
                ConfigureStore(options, connectionString, schema, configure);
                // HotCold: one leader per database and schema (tests share a database, one schema each).
                options.Projections.DaemonLockId = DaemonLockId(schema);
                options.Projections.LeadershipPollingTime = (int)settings.LeadershipPollingTime.TotalMilliseconds;
            })
            .UseLightweightSessions()
            .BuildSessionsWith<ActorAwareSessionFactory>(ServiceLifetime.Scoped)
            .AddAsyncDaemon(settings.DaemonMode)
            .AddSubscriptionWithServices<IntegrationEventRelay>(ServiceLifetime.Singleton, relay =>
            {
                // A page's streams are published side by side and confirmed together, and the page is
                // awaited whole before the next: a large page keeps many messages in flight (P4).
                relay.Options.BatchSize = 2000;
            });

        // A lost race on a version or key is a warning, not an error an alarm would count.
        // The daemon is woken by a NOTIFY sent after each commit that appended events, not inside it (ADR 0031).
        builder.Services.ConfigureMarten((services, options) =>
        {
            options.Logger(new MartenFailureLogger(services.GetRequiredService<ILoggerFactory>().CreateLogger<IDocumentStore>()));
            var wakeup = services.GetRequiredService<AppendWakeup>();
            options.Listeners.Add(wakeup.SessionListener());
            options.Projections.Wakeup = wakeup.Listener();
        });

        if (settings.ApplySchemaOnStartup)
        {
            marten.ApplyAllDatabaseChangesOnStartup();
        }

        return marten;
    }

    /// <summary>The advisory lock id of the async daemon's leader on a schema.</summary>
    public static int DaemonLockId(string schema) => (int)(LeaderElection.LockKey(schema, "async-daemon") & int.MaxValue);

    /// <summary>
    /// The store options every service shares (connection, schema, JSON conventions, event
    /// metadata), then the service's own <paramref name="configure"/>. Public so a
    /// tool outside the host (the benchmark harness) builds exactly the service's store.
    /// </summary>
    public static void ConfigureStore(StoreOptions options, string connectionString, string schema, Action<StoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configure);
        options.Connection(connectionString);
        options.DatabaseSchemaName = schema;
        // Stored JSON is read leniently (unlike requests): history written by an older
        // version of a type must stay readable.
        options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
        options.Events.MetadataConfig.HeadersEnabled = true;
        options.Events.MetadataConfig.CausationIdEnabled = true;
        options.Events.MetadataConfig.CorrelationIdEnabled = true;
        options.Events.MetadataConfig.UserNameEnabled = true;
        // Not Marten's NOTIFY inside the appending transaction: it serializes every commit (ADR 0031).
        options.Events.UseListenNotifyForEventAppends = false;
        options.Schema.For<ProcessedMessage>().DocumentAlias("processed_message");
        options.Schema.For<Messaging.SubscriberReplays.SubscriberReplay>().DocumentAlias("subscriber_replay");
        configure(options);
    }
}
