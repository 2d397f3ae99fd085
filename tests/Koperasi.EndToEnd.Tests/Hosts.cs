extern alias funding;
extern alias registry;
extern alias transformation;

using Koperasi.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Koperasi.EndToEnd.Tests;

/// <summary>
/// The services of one platform in the test process. Hosts given one name share the broker-entity
/// prefix, so what one publishes reaches the others' queues; each keeps its schema in its own
/// service's database. They all see the same clock: the Registry refuses a transformation that takes
/// effect after its today, so no host may run ahead of another.
/// </summary>
public static class Hosts
{
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 3, 0, 0, TimeSpan.Zero);

    public static ServiceHost<registry::Program> Registry(string name, DateTimeOffset? now = null) =>
        Configure(new ServiceHost<registry::Program>("registry", name, now ?? Now)).With("Activity:ScheduledEvaluation", "false");

    public static ServiceHost<transformation::Program> Transformation(string name, DateTimeOffset? now = null) =>
        Configure(new ServiceHost<transformation::Program>("transformation", name, now ?? Now)).With("Dissolution:ScheduledDeadlineEvaluation", "false");

    /// <summary>Funding, paying grants through the bank at <paramref name="bank"/>.</summary>
    public static ServiceHost<funding::Program> Funding(string name, Uri bank, DateTimeOffset? now = null) =>
        Configure(new ServiceHost<funding::Program>("funding", name, now ?? Now))
            .With("Bank:BaseAddress", bank.ToString())
            .With("Bank:PollInterval", "00:00:00.250");

    /// <summary>
    /// Starts a host and waits for its bus: its queues then exist and are bound, so nothing another
    /// service publishes from here on is dropped for want of a queue.
    /// </summary>
    public static async Task<ServiceHost<TProgram>> StartAsync<TProgram>(ServiceHost<TProgram> host) where TProgram : class
    {
        await host.InitializeAsync();
        await host.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
        return host;
    }

    private static ServiceHost<TProgram> Configure<TProgram>(ServiceHost<TProgram> host) where TProgram : class =>
        // Every message the end-to-end tests publish is checked against its AsyncAPI document.
        host.With("RateLimits:WritesPerMinute", "1000000").WithPublishedContractsValidation();
}
