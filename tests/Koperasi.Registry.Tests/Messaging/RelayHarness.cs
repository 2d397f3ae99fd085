using Koperasi.Testing;

namespace Koperasi.Registry.Tests.Messaging;

/// <summary>
/// A Registry of its own (schema, name prefix and clock: 22 November 2026) with a downstream probe
/// subscribed to some of its contracts before it starts, and an admin client: the setup of the tests
/// that read what the relay publishes.
/// </summary>
public abstract class RelayHarness(string name, params string[] contracts) : IAsyncLifetime
{
    protected IsolatedRegistryHost Registry { get; } = new(name, new DateTimeOffset(2026, 11, 22, 3, 0, 0, TimeSpan.Zero));

    protected BrokerProbe Probe { get; private set; } = null!;

    protected HttpClient Client { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Probe = await BrokerProbe.SubscribeAsync(Registry.EntityPrefix, contracts);
        await Registry.InitializeAsync();
        Client = Registry.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        await Probe.DisposeAsync();
        await Registry.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
