using Koperasi.Testing;
using Koperasi.Transformation.Cooperatives;
using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Registry = Koperasi.Contracts.Registry;

namespace Koperasi.Transformation.Tests;

/// <summary>
/// Plays the Registry: publishes its contracts into the service's bus (the host's own broker
/// connection, in the test vhost with the host's prefix), as its relay would, with a chosen message id.
/// </summary>
public static class RegistryFacts
{
    public static Task PublishAsync<T>(TransformationHost host, T message, Guid? messageId = null) where T : class =>
        host.Services.GetRequiredService<IBus>().Publish(message, context => context.MessageId = messageId ?? Guid.NewGuid());

    /// <summary>Announces a koperasi as registered and waits until the service knows it.</summary>
    public static async Task<Guid> RegisterAsync(TransformationHost host, string? name = null, string regency = "1571", int members = 100)
    {
        var id = Guid.CreateVersion7();
        await PublishAsync(host, Domain.Given.Registration(id, name ?? $"Koperasi Uji {id.ToString("N")[^6..]}", regency, members));
        await KnownAsync(host, id, c => c.IsRegistered);
        return id;
    }

    /// <summary>Waits until the service's knowledge of a koperasi satisfies <paramref name="condition"/>.</summary>
    public static Task<KnownCooperative> KnownAsync(TransformationHost host, Guid id, Func<KnownCooperative, bool> condition) =>
        Eventually.ValueAsync(async () =>
        {
            await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
            var known = await session.LoadAsync<KnownCooperative>(id);
            return known is not null && condition(known) ? known : null;
        }, $"koperasi {id} to be known as expected");

    /// <summary>The register applied a merger.</summary>
    public static Registry.CooperativeMerged Merged(Guid caseId, Guid survivor, Guid absorbed, int membersMoved, int memberCount) =>
        new(survivor, 8, DateTimeOffset.UtcNow, [absorbed], membersMoved, memberCount, caseId, new DateOnly(2026, 10, 15));
}
