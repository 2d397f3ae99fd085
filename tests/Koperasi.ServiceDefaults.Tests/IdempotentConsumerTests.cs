using JasperFx.Events;
using Koperasi.ServiceDefaults.Messaging;
using Koperasi.ServiceDefaults.Persistence;
using Koperasi.Testing;
using Marten;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Koperasi.ServiceDefaults.Tests;

[MessageUrn("koperasi:test:member-greeted:v1")]
public sealed record MemberGreeted(Guid MemberId, string Greeting);

public sealed record GreetingRecorded(string Greeting);

/// <summary>Records one event per greeting it consumes: the effect that must happen once.</summary>
public sealed class GreetingConsumer(IDocumentStore store, TimeProvider clock) : IdempotentConsumer<MemberGreeted>(store, clock)
{
    protected override Task HandleAsync(IDocumentSession session, ConsumeContext<MemberGreeted> context)
    {
        session.Events.Append(context.Message.MemberId, new GreetingRecorded(context.Message.Greeting));
        return Task.CompletedTask;
    }
}

/// <summary>Counts the deliveries the consumer finished, so a test knows every duplicate was handled.</summary>
internal sealed class ConsumedDeliveries : IConsumeObserver
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, int> _count = new();

    public int Of(Guid messageId) => _count.GetValueOrDefault(messageId);

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        _count.AddOrUpdate(context.MessageId!.Value, 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, int> _faults = new();

    public int FaultsOf(Guid messageId) => _faults.GetValueOrDefault(messageId);

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class
    {
        _faults.AddOrUpdate(context.MessageId!.Value, 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }
}

[MessageUrn("koperasi:test:badge-issued:v1")]
public sealed record BadgeIssued(Guid BadgeId);

public sealed record Badge(Guid Id);

/// <summary>Creates a document per message: a second message for the same id clashes on the document's own key.</summary>
public sealed class BadgeConsumer(IDocumentStore store, TimeProvider clock) : IdempotentConsumer<BadgeIssued>(store, clock)
{
    protected override Task HandleAsync(IDocumentSession session, ConsumeContext<BadgeIssued> context)
    {
        session.Insert(new Badge(context.Message.BadgeId));
        return Task.CompletedTask;
    }
}

internal sealed class NothingPublished : IIntegrationEventMap
{
    public IReadOnlyCollection<Type> PublishedEventTypes { get; } = [];

    public ValueTask<object?> MapAsync(IEvent committed, IStreamStates streams, CancellationToken cancellationToken) => ValueTask.FromResult<object?>(null);
}

/// <summary>A message delivered more than once changes nothing after the first time.</summary>
public sealed class IdempotentConsumerTests : IAsyncLifetime
{
    private readonly string _schema = $"{TestInfrastructure.RunId}_idempotent";
    private readonly string _prefix = $"{TestInfrastructure.RunId}-idempotent";
    private readonly ConsumedDeliveries _consumed = new();
    private IHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        var (user, password) = TestInfrastructure.BrokerCredentials("registry");
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = TestInfrastructure.TestDatabase("registry"),
            ["Marten:Schema"] = _schema,
            ["RabbitMq:Host"] = TestInfrastructure.RabbitMqHost,
            ["RabbitMq:Port"] = TestInfrastructure.RabbitMqPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RabbitMq:VirtualHost"] = TestInfrastructure.TestVirtualHost,
            ["RabbitMq:Username"] = user,
            ["RabbitMq:Password"] = password,
            ["RabbitMq:EntityPrefix"] = _prefix,
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<Identity.ICurrentActor, Identity.CurrentActor>();
        builder.Services.AddHttpContextAccessor();
        builder.AddKoperasiMarten<NothingPublished>(_schema, options => options.Events.MapEventType<GreetingRecorded>("greeting-recorded"));
        builder.AddKoperasiMessaging("registry", bus =>
        {
            bus.AddConsumer<GreetingConsumer>(consumer => consumer.UseConcurrentMessageLimit(8));
            bus.AddConsumer<BadgeConsumer>();
        });
        _host = builder.Build();
        await _host.StartAsync();
        _host.Services.GetRequiredService<IBus>().ConnectConsumeObserver(_consumed);
        await _host.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        await using var connection = new NpgsqlConnection(TestInfrastructure.TestDatabase("registry"));
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"drop schema if exists \"{_schema}\" cascade", connection);
        await drop.ExecuteNonQueryAsync();
        await BrokerAdmin.DeleteEntitiesAsync(_prefix);
    }

    private async Task PublishAsync(MemberGreeted message, Guid messageId) =>
        await _host.Services.GetRequiredService<IBus>().Publish(message, context => context.MessageId = messageId);

    private async Task<IReadOnlyList<IEvent>> EffectsAsync(Guid memberId)
    {
        await using var session = _host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.Events.FetchStreamAsync(memberId);
    }

    [Fact]
    public async Task A_message_delivered_twice_changes_nothing_the_second_time()
    {
        var memberId = Guid.NewGuid();
        var messageId = Guid.NewGuid();
        await PublishAsync(new MemberGreeted(memberId, "Selamat datang"), messageId);
        await Eventually.UntilAsync(() => Task.FromResult(_consumed.Of(messageId) == 1), "the first delivery");
        (await EffectsAsync(memberId)).Count.ShouldBe(1);

        await PublishAsync(new MemberGreeted(memberId, "Selamat datang"), messageId);
        await Eventually.UntilAsync(() => Task.FromResult(_consumed.Of(messageId) == 2), "the second delivery");

        (await EffectsAsync(memberId)).Count.ShouldBe(1);
        await using var session = _host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        (await session.LoadAsync<ProcessedMessage>($"{nameof(GreetingConsumer)}:{messageId:N}")).ShouldNotBeNull();
    }

    [Fact]
    public async Task Duplicates_delivered_at_the_same_moment_take_effect_once()
    {
        var memberId = Guid.NewGuid();
        var messageId = Guid.NewGuid();

        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => PublishAsync(new MemberGreeted(memberId, "Halo"), messageId)));
        await Eventually.UntilAsync(() => Task.FromResult(_consumed.Of(messageId) == 6), "all six deliveries");

        (await EffectsAsync(memberId)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_clash_on_the_effects_own_document_is_a_failure_not_a_duplicate()
    {
        var badgeId = Guid.NewGuid();
        await using (var session = _host.Services.GetRequiredService<IDocumentStore>().LightweightSession())
        {
            session.Insert(new Badge(badgeId));
            await session.SaveChangesAsync();
        }

        var messageId = Guid.NewGuid();
        await _host.Services.GetRequiredService<IBus>().Publish(new BadgeIssued(badgeId), context => context.MessageId = messageId);
        await Eventually.UntilAsync(() => Task.FromResult(_consumed.FaultsOf(messageId) >= 1), "the failed attempt");

        await using var query = _host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        (await query.LoadAsync<ProcessedMessage>($"{nameof(BadgeConsumer)}:{messageId:N}")).ShouldBeNull();
    }
}
