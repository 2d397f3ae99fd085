using System.Collections.Concurrent;
using Koperasi.ServiceDefaults.Messaging;
using Koperasi.Testing;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Koperasi.ServiceDefaults.Tests;

[MessageUrn("koperasi:test:flaky-work:v1")]
public sealed record FlakyWork(Guid Id, int FailuresBeforeSuccess);

/// <summary>Fails a message the given number of times (as a consumer losing a version race does), then succeeds.</summary>
public sealed class FlakyWorkConsumer(FlakyAttempts attempts) : IConsumer<FlakyWork>
{
    public Task Consume(ConsumeContext<FlakyWork> context)
    {
        var attempt = attempts.Counts.AddOrUpdate(context.Message.Id, 1, (_, n) => n + 1);
        if (attempt <= context.Message.FailuresBeforeSuccess)
        {
            throw new InvalidOperationException($"Attempt {attempt} of {context.Message.Id} fails on purpose.");
        }

        attempts.Done.TryAdd(context.Message.Id, attempt);
        return Task.CompletedTask;
    }
}

public sealed class FlakyAttempts
{
    public ConcurrentDictionary<Guid, int> Counts { get; } = new();

    public ConcurrentDictionary<Guid, int> Done { get; } = new();
}

/// <summary>
/// A retry that succeeds is routine (a consumer lost a version race): it logs a warning at most,
/// never an error an operator's alarm would count; a message that fails for good logs an error.
/// </summary>
public sealed class RetryLoggingTests : IAsyncLifetime
{
    private readonly string _prefix = $"{TestInfrastructure.RunId}-retrylog";
    private readonly FlakyAttempts _attempts = new();
    private readonly CapturedLogs _logs = new();
    private IHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        var (user, password) = TestInfrastructure.BrokerCredentials("registry");
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["RabbitMq:Host"] = TestInfrastructure.RabbitMqHost,
            ["RabbitMq:Port"] = TestInfrastructure.RabbitMqPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RabbitMq:VirtualHost"] = TestInfrastructure.TestVirtualHost,
            ["RabbitMq:Username"] = user,
            ["RabbitMq:Password"] = password,
            ["RabbitMq:EntityPrefix"] = _prefix,
        });
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Logging.AddProvider(_logs);
        builder.Services.AddSingleton(_attempts);
        builder.AddKoperasiMessaging("registry", bus => bus.AddConsumer<FlakyWorkConsumer>());
        _host = builder.Build();
        await _host.StartAsync();
        await _host.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        await BrokerAdmin.DeleteEntitiesAsync(_prefix);
    }

    private IEnumerable<CapturedLogs.Entry> EntriesAbout(Guid id) =>
        _logs.Entries.Where(e => e.Message.Contains(id.ToString(), StringComparison.OrdinalIgnoreCase)
            || (e.Exception?.ToString().Contains(id.ToString(), StringComparison.OrdinalIgnoreCase) ?? false));

    [Fact]
    public async Task A_retry_that_succeeds_logs_no_error()
    {
        var id = Guid.NewGuid();

        await _host.Services.GetRequiredService<IBus>().Publish(new FlakyWork(id, FailuresBeforeSuccess: 2), TestContext.Current.CancellationToken);
        await Eventually.UntilAsync(() => Task.FromResult(_attempts.Done.ContainsKey(id)), "the third attempt to succeed");
        await Task.Delay(TimeSpan.FromMilliseconds(500), TestContext.Current.CancellationToken);

        _attempts.Done[id].ShouldBe(3);
        EntriesAbout(id).ShouldContain(e => e.Level == LogLevel.Warning, "each failed attempt is still visible");
        _logs.Entries.Where(e => e.Level >= LogLevel.Error)
            .Select(e => $"{e.Level} {e.Category}: {e.Message}").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_message_that_fails_for_good_logs_an_error()
    {
        var id = Guid.NewGuid();

        await _host.Services.GetRequiredService<IBus>().Publish(new FlakyWork(id, FailuresBeforeSuccess: int.MaxValue), TestContext.Current.CancellationToken);

        await Eventually.UntilAsync(() => Task.FromResult(EntriesAbout(id).Any(e => e.Level >= LogLevel.Error)), "an error for the message that failed for good");
        _attempts.Counts[id].ShouldBe(6, "the first attempt and five retries");
        EntriesAbout(id).Count(e => e.Level >= LogLevel.Error).ShouldBe(1, "one error per message, not one per attempt");
    }
}
