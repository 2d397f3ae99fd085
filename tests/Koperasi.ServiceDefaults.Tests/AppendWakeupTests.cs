using System.Collections.Concurrent;
using Koperasi.ServiceDefaults.Persistence;
using Koperasi.Testing;
using Marten;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Koperasi.ServiceDefaults.Tests;

public sealed record WakeupNoted(string Note);

/// <summary>
/// The async daemon is woken by a NOTIFY sent after the commit of an append, on the wakeup's own
/// connection, never by the appending transaction (which would serialize every commit; ADR 0031).
/// </summary>
public sealed class AppendWakeupTests : IAsyncLifetime
{
    private const string Database = "registry";
    private readonly string _schema = $"wakeup_{TestInfrastructure.RunId}";
    private readonly ConcurrentQueue<int> _notifiers = new();
    private NpgsqlConnection _listener = null!;
    private CancellationTokenSource _listening = null!;
    private Task _listen = null!;
    private IHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _listener = new NpgsqlConnection(TestInfrastructure.TestDatabase(Database));
        await _listener.OpenAsync();
        _listener.Notification += (_, e) => _notifiers.Enqueue(e.PID);
        await using (var listen = new NpgsqlCommand($"LISTEN {AppendWakeup.Channel}", _listener))
        {
            await listen.ExecuteNonQueryAsync();
        }

        _listening = new CancellationTokenSource();
        _listen = Task.Run(async () =>
        {
            while (!_listening.IsCancellationRequested)
            {
                await _listener.WaitAsync(_listening.Token);
            }
        });

        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = TestInfrastructure.TestDatabase(Database),
            ["Marten:Schema"] = _schema,
            ["Marten:DaemonMode"] = "Disabled",
        });
        builder.Services.AddMassTransit(bus => bus.UsingInMemory());
        builder.AddKoperasiMarten<NothingPublished>(_schema, options => options.Events.MapEventType<WakeupNoted>("wakeup-noted"));
        _host = builder.Build();
        await _host.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        await _listening.CancelAsync();
        try
        {
            await _listen;
        }
        catch (OperationCanceledException)
        {
        }

        await _listener.DisposeAsync();
        _listening.Dispose();
        await using var drop = new NpgsqlConnection(TestInfrastructure.TestDatabase(Database));
        await drop.OpenAsync();
        await using var command = new NpgsqlCommand($"drop schema if exists {_schema} cascade", drop);
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task An_append_is_followed_by_a_notification_from_the_wakeup_not_from_its_own_transaction()
    {
        var store = _host.Services.GetRequiredService<IDocumentStore>();
        var wakeup = _host.Services.GetRequiredService<AppendWakeup>();
        await using (var session = store.LightweightSession())
        {
            session.Events.StartStream(Guid.CreateVersion7(), new WakeupNoted("first"));
            await session.SaveChangesAsync();
        }

        // Other tests' hosts append in this database too and notify on the same channel: wait for this host's own.
        await Eventually.UntilAsync(() => Task.FromResult(wakeup.Sent >= 1 && !_notifiers.IsEmpty), "a notification after the append");
        wakeup.Sent.ShouldBeGreaterThanOrEqualTo(1);
        var senders = new List<string>();
        foreach (var pid in _notifiers.Distinct())
        {
            // A backend gone since (another test's host stopped) can no longer be named.
            if (await ApplicationOfAsync(pid) is { } application)
            {
                senders.Add(application);
            }
        }

        senders.ShouldNotBeEmpty();
        senders.ShouldAllBe(application => application == AppendWakeup.ApplicationName, "every notification came from a wakeup's connection");
    }

    [Fact]
    public async Task A_commit_without_events_sends_no_notification()
    {
        var store = _host.Services.GetRequiredService<IDocumentStore>();
        var wakeup = _host.Services.GetRequiredService<AppendWakeup>();
        await using (var session = store.LightweightSession())
        {
            session.Store(new WakeupDocument { Id = Guid.CreateVersion7() });
            await session.SaveChangesAsync();
        }

        // Nothing to wait for but time: a wrong notification would be sent within milliseconds.
        await Task.Delay(TimeSpan.FromSeconds(1));
        wakeup.Sent.ShouldBe(0);

        await using (var session = store.LightweightSession())
        {
            session.Events.StartStream(Guid.CreateVersion7(), new WakeupNoted("after the document"));
            await session.SaveChangesAsync();
        }

        await Eventually.UntilAsync(() => Task.FromResult(wakeup.Sent >= 1), "the append's notification");
    }

    private static async Task<string?> ApplicationOfAsync(int pid)
    {
        await using var connection = new NpgsqlConnection(TestInfrastructure.TestDatabase(Database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select application_name from pg_stat_activity where pid = @pid", connection);
        command.Parameters.AddWithValue("pid", pid);
        return await command.ExecuteScalarAsync() as string;
    }
}

public sealed class WakeupDocument
{
    public Guid Id { get; set; }
}
