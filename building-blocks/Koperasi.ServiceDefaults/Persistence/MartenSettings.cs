using JasperFx.Events.Daemon;

namespace Koperasi.ServiceDefaults.Persistence;

/// <summary>Settings of the "Marten" configuration section.</summary>
public sealed class MartenSettings
{
    /// <summary>Database schema of the service's documents and events (tests use one per run).</summary>
    public string? Schema { get; set; }

    /// <summary>
    /// How this process runs the async daemon (projections and the relay). HotCold (the default):
    /// every replica competes for an advisory lock per database and schema and the leader runs
    /// them; any number of replicas. Disabled: this process never runs them. Solo: this process
    /// runs them without an election (a tool alone on its database; never two on one schema).
    /// </summary>
    public DaemonMode DaemonMode { get; set; } = DaemonMode.HotCold;

    /// <summary>
    /// How often a replica that is not the leader tries to take the daemon's lock, and the locks of
    /// the elected work (imports, disbursements): the longest a dead leader's work waits.
    /// </summary>
    public TimeSpan LeadershipPollingTime { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Create or update the schema at start-up (development and tests).</summary>
    public bool ApplySchemaOnStartup { get; set; } = true;
}
