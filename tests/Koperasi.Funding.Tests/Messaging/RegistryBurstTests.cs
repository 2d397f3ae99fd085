using Koperasi.Contracts.Registry;
using Koperasi.Funding.Cooperatives;
using Koperasi.Testing;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Koperasi.Funding.Tests.Messaging;

/// <summary>Funding with every log entry of the host captured.</summary>
public sealed class LoggedFundingHost() : FundingService("registryburst")
{
    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
    }
}

/// <summary>
/// The Registry publishes one koperasi's events as a burst (a registration, then its changes) on
/// several of Funding's queues. Funding's consumers take one koperasi's messages in turn, across its
/// queues, so none loses a version race and waits for a retry, and nothing is logged as an error.
/// </summary>
public sealed class RegistryBurstTests : IAsyncLifetime
{
    private readonly LoggedFundingHost _funding = new();
    private readonly Retried _retried = new();

    public async ValueTask InitializeAsync()
    {
        await _funding.InitializeAsync();
        await _funding.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
        _funding.Services.GetRequiredService<IBus>().ConnectConsumeObserver(_retried);
    }

    public async ValueTask DisposeAsync() => await _funding.DisposeAsync();

    /// <summary>Counts the messages a consumer handled only on a retry.</summary>
    private sealed class Retried : IConsumeObserver
    {
        private int _count;

        public int Count => _count;

        public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

        public Task PostConsume<T>(ConsumeContext<T> context) where T : class
        {
            if (context.GetRetryAttempt() > 0)
            {
                Interlocked.Increment(ref _count);
            }

            return Task.CompletedTask;
        }

        public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
    }

    [Fact]
    public async Task A_burst_about_a_few_koperasi_is_handled_without_retries_or_errors()
    {
        var bus = _funding.Services.GetRequiredService<IBus>();
        var cooperatives = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToList();
        const int changes = 12;
        var messages = new List<Task>();
        foreach (var id in cooperatives)
        {
            messages.Add(bus.Publish(new CooperativeRegistered(
                id, 1, DateTimeOffset.UtcNow, "Koperasi Produsen Maju Bersama", "primer", "produsen", null, false, false, "kabupaten-kota",
                new CooperativeAddress("Jl. Lintas 1", null, "Pelawan", "1503", "Sarolangun", null), $"{Guid.NewGuid():N}/BH/2015", new DateOnly(2015, 3, 1),
                null, "Pengolahan hasil pertanian", 40), TestContext.Current.CancellationToken));
            for (var version = 2; version < 2 + changes; version++)
            {
                var to = version % 2 == 0 ? "tidak-aktif" : "aktif";
                messages.Add(bus.Publish(
                    new CooperativeActivityChanged(id, version, DateTimeOffset.UtcNow, to == "aktif" ? "tidak-aktif" : "aktif", to, new DateOnly(2025, 7, 1), "Uji"),
                    TestContext.Current.CancellationToken));
                messages.Add(bus.Publish(
                    new CooperativeAmended(id, version, DateTimeOffset.UtcNow, version, new DateOnly(2020, 1, 1), null, $"Koperasi Produsen {version}", null, null, null, null, null, null),
                    TestContext.Current.CancellationToken));
            }
        }

        await Task.WhenAll(messages);

        const long last = 1 + changes;
        foreach (var id in cooperatives)
        {
            await Eventually.UntilAsync(async () =>
            {
                await using var session = _funding.Services.GetRequiredService<Marten.IDocumentStore>().QuerySession();
                return await session.LoadAsync<CooperativeReplica>(id, TestContext.Current.CancellationToken) is { Registered: true, Activity.Version: last, Name.Version: last };
            }, $"every fact about {id}");
        }

        _funding.Logs.Entries.Where(e => e.Level >= LogLevel.Error).Select(e => $"{e.Level} {e.Category}: {e.Exception?.GetType().FullName} {e.Exception?.InnerException?.GetType().FullName} {e.Message[..Math.Min(e.Message.Length, 120)]}").ShouldBeEmpty();
        _retried.Count.ShouldBe(0, "no message lost a race on a koperasi's stream and waited for a retry");
    }
}
