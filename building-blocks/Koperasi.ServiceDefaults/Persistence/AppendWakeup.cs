using System.Threading.Channels;
using JasperFx.Events.Daemon.HighWater;
using Marten;
using Marten.Events.Daemon.HighWater;
using Marten.Services;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Koperasi.ServiceDefaults.Persistence;

/// <summary>
/// Wakes the async daemon (the relay, the async projections) of every replica when events were
/// appended, with a NOTIFY sent <em>after</em> the commit on a connection of its own, never inside
/// the appending transaction (ADR 0031). A transaction that notifies takes a database-wide lock at
/// commit and holds it through its WAL flush, so every appending transaction would commit one after
/// the other; here only the notifications wait for each other, and they are coalesced: one is sent
/// after every commit that signalled, however many signalled while one was being sent. A lost
/// notification costs latency only: the daemon still polls.
/// </summary>
public sealed partial class AppendWakeup : IAsyncDisposable
{
    /// <summary>The application name of its connections, as <c>pg_stat_activity</c> shows them.</summary>
    public const string ApplicationName = "koperasi-append-wakeup";

    /// <summary>The channel Marten's daemon listens on.</summary>
    public const string Channel = PostgresqlListenWakeup.DefaultChannel;

    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger<AppendWakeup> _logger;
    private readonly Channel<bool> _signals = System.Threading.Channels.Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _sender;
    private readonly Lock _gate = new();
    private PostgresqlListenWakeup? _listener;
    private long _sent;

    public AppendWakeup(string connectionString, ILogger<AppendWakeup> logger)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        // One connection sends, one listens (on a replica whose daemon runs).
        builder.ConnectionStringBuilder.MaxPoolSize = 4;
        builder.ConnectionStringBuilder.ApplicationName = ApplicationName;
        _dataSource = builder.Build();
        _logger = logger;
        _sender = Task.Run(SendAsync);
    }

    /// <summary>Notifications sent so far.</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>A commit appended events: a notification follows it (one for all that signal while one is sent).</summary>
    public void Signal() => _signals.Writer.TryWrite(true);

    /// <summary>The daemon's side: Marten's LISTEN on <see cref="Channel"/>, on this wakeup's connections.</summary>
    public IDaemonWakeup Listener()
    {
        lock (_gate)
        {
            return _listener ??= new PostgresqlListenWakeup(_dataSource, _logger, Channel);
        }
    }

    /// <summary>Signals this wakeup after every commit that appended events.</summary>
    public IDocumentSessionListener SessionListener() => new AfterAppend(this);

    public async ValueTask DisposeAsync()
    {
        _signals.Writer.TryComplete();
        await _stopping.CancelAsync();
        try
        {
            await _sender;
        }
        catch (OperationCanceledException)
        {
        }

        _listener?.Dispose();

        await _dataSource.DisposeAsync();
        _stopping.Dispose();
    }

    private async Task SendAsync()
    {
        await foreach (var _ in _signals.Reader.ReadAllAsync(_stopping.Token))
        {
            try
            {
                await using var command = _dataSource.CreateCommand($"NOTIFY {Channel}");
                await command.ExecuteNonQueryAsync(_stopping.Token);
                Interlocked.Increment(ref _sent);
            }
            catch (Exception failure) when (failure is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                // PostgreSQL away: the daemon's polling finds the events; the next commit signals again.
                NotSent(_logger, failure);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "No wakeup sent for appended events; the daemon's polling will find them.")]
    private static partial void NotSent(ILogger logger, Exception failure);

    private sealed class AfterAppend(AppendWakeup wakeup) : DocumentSessionListenerBase
    {
        public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
        {
            if (commit.GetEvents().Any())
            {
                wakeup.Signal();
            }

            return Task.CompletedTask;
        }
    }
}
