using System.Security.Cryptography;
using System.Text;
using Medallion.Threading.Postgres;
using Microsoft.Extensions.Logging;

namespace Koperasi.ServiceDefaults.Persistence;

/// <summary>
/// Elects, among the replicas of a service on one database, the one that runs a piece of
/// background work (imports, disbursements): a PostgreSQL session advisory lock per work and
/// schema, the same mechanism as Marten's HotCold daemon. Any replica may win; one at a time runs
/// the work; when the winner's process or connection dies the lock is released and another takes
/// over at its next attempt. Registered by <c>AddKoperasiMarten</c>.
/// </summary>
public sealed partial class LeaderElection
{
    private readonly string _connectionString;
    private readonly string _schema;
    private readonly ILogger<LeaderElection> _logger;

    /// <summary>Creates the election of one service database and schema.</summary>
    public LeaderElection(string connectionString, string schema, TimeSpan pollInterval, ILogger<LeaderElection> logger)
    {
        _connectionString = connectionString;
        _schema = schema;
        PollInterval = pollInterval;
        _logger = logger;
    }

    /// <summary>How often a replica that is not the leader tries again (<c>Marten:LeadershipPollingTime</c>).</summary>
    public TimeSpan PollInterval { get; }

    /// <summary>The advisory lock key of a work on a schema: stable across processes and versions.</summary>
    public static long LockKey(string schema, string work)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"koperasi:{schema}:{work}"));
        return BitConverter.ToInt64(hash, 0);
    }

    /// <summary>
    /// Runs <paramref name="work"/> whenever this replica holds the lock of <paramref name="name"/>,
    /// until <paramref name="stoppingToken"/> is cancelled. The token given to the work is cancelled
    /// when the lock is lost (its connection broke) or the host stops; the work then stops, the lock
    /// is released, and this replica competes again.
    /// </summary>
    public async Task RunWhileLeaderAsync(string name, Func<CancellationToken, Task> work, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var distributedLock = new PostgresDistributedLock(
            new PostgresAdvisoryLockKey(LockKey(_schema, name)),
            _connectionString,
            options => options.KeepaliveCadence(TimeSpan.FromSeconds(5)));
        while (!stoppingToken.IsCancellationRequested)
        {
            PostgresDistributedLockHandle? handle = null;
            try
            {
                handle = await distributedLock.TryAcquireAsync(TimeSpan.Zero, stoppingToken);
                if (handle is null)
                {
                    await Task.Delay(PollInterval, stoppingToken);
                    continue;
                }

                LogElected(name);
                using var leading = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, handle.HandleLostToken);
                try
                {
                    await work(leading.Token);
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                    LogLost(name);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The database is away, or the work failed: compete again after a pause.
                LogElectionFailed(exception, name);
                await Pause(stoppingToken);
            }
            finally
            {
                await ReleaseAsync(handle);
            }
        }
    }

    private static async Task ReleaseAsync(PostgresDistributedLockHandle? handle)
    {
        try
        {
            if (handle is not null)
            {
                await handle.DisposeAsync();
            }
        }
        catch (Exception exception) when (exception is Npgsql.NpgsqlException or InvalidOperationException or TimeoutException)
        {
            // The connection is gone, and the lock with it.
        }
    }

    private async Task Pause(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(PollInterval, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "This replica was elected to run {Work}")]
    private partial void LogElected(string work);

    [LoggerMessage(Level = LogLevel.Warning, Message = "This replica lost the lock of {Work}; another replica takes over")]
    private partial void LogLost(string work);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Electing the replica that runs {Work} failed; this replica tries again")]
    private partial void LogElectionFailed(Exception exception, string work);
}
