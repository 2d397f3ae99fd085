using System.Net;
using Koperasi.Contracts.Registry;
using Koperasi.Funding.Cooperatives;
using Koperasi.Funding.Messaging.Consumers;
using Koperasi.ServiceDefaults.Persistence;
using Koperasi.Testing;
using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Koperasi.Funding.Tests.Messaging;

/// <summary>
/// The koperasi rule follows the Registry's events: they are published into Funding's bus (the
/// test vhost, the host's prefix) as the Registry publishes them, and a decree batch naming the
/// koperasi is decreed or refused by what Funding learned.
/// </summary>
public sealed class RegistryReadModelTests : IAsyncLifetime
{
    private readonly IsolatedFundingHost _funding = new("registryfacts");
    private readonly ConsumedDeliveries _consumed = new();
    private HttpClient _admin = null!;
    private string _programmeId = null!;

    public async ValueTask InitializeAsync()
    {
        await _funding.InitializeAsync();
        await _funding.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
        _funding.Services.GetRequiredService<IBus>().ConnectConsumeObserver(_consumed);
        _admin = _funding.CreateClient();
        _programmeId = Api.Id(await Api.OpenProgrammeAsync(_admin));
    }

    public async ValueTask DisposeAsync() => await _funding.DisposeAsync();

    private static CooperativeRegistered Registered(Guid id, long version = 1) => new(
        id, version, DateTimeOffset.UtcNow, "Koperasi Produsen Maju Bersama", "primer", "produsen", null, false, false, "kabupaten-kota",
        new CooperativeAddress("Jl. Lintas 1", null, "Pelawan", "1503", "Sarolangun", null), $"{Guid.NewGuid():N}/BH/2015", new DateOnly(2015, 3, 1),
        null, "Pengolahan hasil pertanian", 40);

    private static CooperativeActivityChanged Activity(Guid id, long version, string to) =>
        new(id, version, DateTimeOffset.UtcNow, to == "aktif" ? "tidak-aktif" : "aktif", to, new DateOnly(2025, 7, 1), "Uji");

    /// <summary>Publishes as the Registry's relay does (message id = the source event id) and waits until Funding handled it.</summary>
    private async Task<Guid> DeliverAsync<T>(T message, string consumer, Guid? messageId = null) where T : class
    {
        var id = messageId ?? Guid.NewGuid();
        await _funding.Services.GetRequiredService<IBus>().Publish(message, context => context.MessageId = id);
        await Eventually.UntilAsync(async () =>
        {
            await using var session = _funding.Services.GetRequiredService<IDocumentStore>().QuerySession();
            return await session.LoadAsync<ProcessedMessage>($"{consumer}:{id:N}") is not null;
        }, $"{consumer} to handle {id}");
        return id;
    }

    private async Task<HttpStatusCode> DecreeAsync(Guid cooperativeId, string? expectedRule = null)
    {
        var application = await Api.EligibleAsync(_admin, Api.Application(_programmeId, cooperativeId: cooperativeId.ToString()));
        using var response = await IfMatch.PostAsync(_admin, $"/api/funding/programmes/{_programmeId}/decree-batches", Api.Batch(application));
        if (expectedRule is not null)
        {
            (await Api.ProblemAsync(response))["rule"]!.GetValue<string>().ShouldBe(expectedRule);
        }

        return response.StatusCode;
    }

    private async Task<CooperativeReplica?> ReplicaAsync(Guid id)
    {
        await using var session = _funding.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.LoadAsync<CooperativeReplica>(id);
    }

    [Fact]
    public async Task A_grant_naming_a_koperasi_the_Registry_never_announced_is_not_decreed() =>
        (await DecreeAsync(Guid.NewGuid(), "cooperative-not-active")).ShouldBe(HttpStatusCode.UnprocessableEntity);

    [Fact]
    public async Task The_rule_follows_registration_activity_and_dissolution_and_ignores_what_is_older()
    {
        var id = Guid.NewGuid();
        await DeliverAsync(Registered(id), nameof(CooperativeRegisteredConsumer));
        (await DecreeAsync(id)).ShouldBe(HttpStatusCode.Created);

        await DeliverAsync(Activity(id, 3, "tidak-aktif"), nameof(CooperativeActivityChangedConsumer));
        (await DecreeAsync(id, "cooperative-not-active")).ShouldBe(HttpStatusCode.UnprocessableEntity);

        // An older change that arrives late (another queue, a replay) changes nothing.
        await DeliverAsync(Activity(id, 2, "aktif"), nameof(CooperativeActivityChangedConsumer));
        (await ReplicaAsync(id))!.Activity!.Value.Status.ShouldBe("tidak-aktif");
        (await DecreeAsync(id, "cooperative-not-active")).ShouldBe(HttpStatusCode.UnprocessableEntity);

        await DeliverAsync(Activity(id, 4, "aktif"), nameof(CooperativeActivityChangedConsumer));
        (await DecreeAsync(id)).ShouldBe(HttpStatusCode.Created);

        await DeliverAsync(new CooperativeDissolved(id, 5, DateTimeOffset.UtcNow, "merger", new DateOnly(2026, 3, 1), Guid.NewGuid(), Guid.NewGuid(), true), nameof(CooperativeDissolvedConsumer));
        (await DecreeAsync(id, "cooperative-not-active")).ShouldBe(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task A_corrected_activity_history_decides_the_rule_by_the_activity_it_says_holds_now()
    {
        var id = Guid.NewGuid();
        await DeliverAsync(Registered(id), nameof(CooperativeRegisteredConsumer));
        await DeliverAsync(Activity(id, 3, "tidak-aktif"), nameof(CooperativeActivityChangedConsumer));
        (await DecreeAsync(id, "cooperative-not-active")).ShouldBe(HttpStatusCode.UnprocessableEntity);

        // A late RAT: the koperasi was aktif again from 20 April 2024.
        await DeliverAsync(new CooperativeActivityCorrected(id, 5, DateTimeOffset.UtcNow,
            [new ActivityPeriod(new DateOnly(2015, 3, 1), new DateOnly(2022, 7, 1), "aktif"), new ActivityPeriod(new DateOnly(2022, 7, 1), new DateOnly(2024, 4, 20), "tidak-aktif"), new ActivityPeriod(new DateOnly(2024, 4, 20), null, "aktif")],
            "Uji"), nameof(CooperativeActivityCorrectedConsumer));

        (await ReplicaAsync(id))!.Activity!.Value.ShouldBe(new CooperativeActivity("aktif", new DateOnly(2024, 4, 20)));
        (await DecreeAsync(id)).ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_redelivered_message_is_recorded_once()
    {
        var id = Guid.NewGuid();
        var messageId = await DeliverAsync(Registered(id), nameof(CooperativeRegisteredConsumer));
        await DeliverAsync(Activity(id, 3, "tidak-aktif"), nameof(CooperativeActivityChangedConsumer));

        await _funding.Services.GetRequiredService<IBus>().Publish(Registered(id), context => context.MessageId = messageId);
        await Eventually.UntilAsync(() => Task.FromResult(_consumed.Of(messageId) == 2), "the second delivery");

        // Inserted by the registration, updated once by the change of activity; the duplicate wrote nothing.
        var replica = (await ReplicaAsync(id))!;
        (replica.Revision, replica.Activity!.Value.Status).ShouldBe((2L, "tidak-aktif"));
        await using var session = _funding.Services.GetRequiredService<IDocumentStore>().QuerySession();
        (await session.Query<ProcessedMessage>().CountAsync(p => p.MessageId == messageId)).ShouldBe(1);
    }

    [Fact]
    public async Task Facts_about_one_koperasi_arriving_at_once_on_different_queues_are_all_kept()
    {
        var id = Guid.NewGuid();
        var bus = _funding.Services.GetRequiredService<IBus>();
        await Task.WhenAll(
            bus.Publish(Activity(id, 3, "tidak-aktif")),
            bus.Publish(Registered(id)),
            bus.Publish(new CooperativeAmended(id, 2, DateTimeOffset.UtcNow, 2, new DateOnly(2020, 1, 1), null, "Koperasi Produsen Maju Jaya", null, null, null, null, null, null)));

        var replica = await Eventually.ValueAsync(async () => await ReplicaAsync(id) is { Registered: true, Activity.Version: 3, Name.Version: 2 } r ? r : null, "all three facts");

        (replica.Name!.Value, replica.Activity!.Value.Status).ShouldBe(("Koperasi Produsen Maju Jaya", "tidak-aktif"));
        CooperativeReplica.WhyNot(id, replica).ShouldNotBeNull().ShouldContain("is tidak-aktif since");
    }
}

/// <summary>Counts the deliveries consumers finished, so a test knows a duplicate was handled.</summary>
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

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
