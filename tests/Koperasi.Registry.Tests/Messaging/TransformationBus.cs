using System.Collections.Concurrent;
using Koperasi.Contracts.Transformation;
using Koperasi.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Koperasi.Registry.Tests.Messaging;

/// <summary>
/// Publishes approved transformations (or other services' contracts) into the Registry's own bus (its
/// vhost and entity prefix), as the Transformation service would, and counts the deliveries the Registry finished handling,
/// so a test knows when a duplicate was consumed.
/// </summary>
public sealed class TransformationBus : IConsumeObserver
{
    private readonly ConcurrentDictionary<Guid, int> _consumed = new();
    private readonly IBus _bus;

    private TransformationBus(IBus bus) => _bus = bus;

    /// <summary>Connects once the host's bus (and so its consumer endpoints) is up.</summary>
    public static async Task<TransformationBus> ConnectAsync(IServiceProvider services)
    {
        await services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
        var bus = new TransformationBus(services.GetRequiredService<IBus>());
        bus._bus.ConnectConsumeObserver(bus);
        return bus;
    }

    public Task PublishAsync<T>(T approval, Guid messageId) where T : class =>
        _bus.Publish(approval, context => context.MessageId = messageId);

    /// <summary>Waits until the Registry finished handling <paramref name="times"/> deliveries of the message.</summary>
    public Task ConsumedAsync(Guid messageId, int times) =>
        Eventually.UntilAsync(() => Task.FromResult(_consumed.GetValueOrDefault(messageId) >= times), $"{times} deliveries of {messageId} consumed");

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        _consumed.AddOrUpdate(context.MessageId!.Value, 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}

/// <summary>Approved cases as the Transformation service publishes them.</summary>
public static class Approvals
{
    public static readonly DateOnly EffectiveOn = new(2026, 10, 15);
    public static readonly Deed Deed = new("14", new DateOnly(2026, 9, 2), "Notaris Contoh Satu, S.H., M.Kn.");

    public static Ratification Ratification(DateOnly? on = null) => new($"AHU-{Guid.NewGuid():N}.AH.01.29.TAHUN 2026", on ?? EffectiveOn);

    public static MergerApproved Merger(Guid survivorId, params Guid[] absorbedIds) =>
        new(Guid.NewGuid(), 6, DateTimeOffset.UtcNow, survivorId, absorbedIds, Deed, Ratification(), EffectiveOn);

    public static AmalgamationApproved Amalgamation(Guid newId, Ratification ratification, params Guid[] participantIds) =>
        new(
            Guid.NewGuid(), 6, DateTimeOffset.UtcNow, participantIds,
            new NewCooperative(
                newId, $"Koperasi Produsen Tani Bersatu {newId:N}"[..40], "primer", "produsen", null, false, true, ["petani", "pedagang"], "kabupaten-kota",
                new Domicile("Jl. Gatot Subroto 8", "Jambi Timur", "15.71", "Talang Banjar", "36141"), "Pengolahan dan pemasaran hasil pertanian"),
            Deed, ratification, ratification.DecreeDate);

    public static ArticlesAmendmentApproved Amendment(Guid cooperativeId, ArticlesChanges changes) =>
        new(Guid.NewGuid(), 5, DateTimeOffset.UtcNow, cooperativeId, changes, Deed, Ratification(), EffectiveOn);
}
