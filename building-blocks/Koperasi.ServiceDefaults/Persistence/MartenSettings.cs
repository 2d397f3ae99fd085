using JasperFx.Events.Daemon;

namespace Koperasi.ServiceDefaults.Persistence;

/// <summary>Settings of the "Marten" configuration section.</summary>
public sealed class MartenSettings
{
    /// <summary>Database schema of the service's documents and events (tests use one per run).</summary>
    public string? Schema { get; set; }

    /// <summary>
    /// How this process runs the async daemon (projections and the relay). Solo: exactly one
    /// daemon process per service database. Disabled: an API replica. HotCold: leader election,
    /// only where the real Patched.DistributedLock.Postgres package was restored.
    /// </summary>
    public DaemonMode DaemonMode { get; set; } = DaemonMode.Solo;

    /// <summary>Create or update the schema at start-up (development and tests).</summary>
    public bool ApplySchemaOnStartup { get; set; } = true;
}
