extern alias registry;
extern alias transformation;

using System.Text.Json.Nodes;
using Koperasi.Testing;

namespace Koperasi.EndToEnd.Tests;

/// <summary>
/// A case ratified while the Registry is stopped waits in the Registry's durable queue; a Registry
/// started again under the same name (its schema and queues kept) applies it, and the case completes.
/// Hosts of their own: stopping this Registry disturbs no other test.
/// </summary>
public sealed class RegistryDownTests : IAsyncLifetime
{
    private const string Name = "registrydown";
    private static readonly Cases.Dates Dates = new(2025);

    private readonly ServiceHost<transformation::Program> _transformation = Hosts.Transformation(Name);
    private ServiceHost<registry::Program> _registry = Hosts.Registry(Name);

    public async ValueTask InitializeAsync()
    {
        await Hosts.StartAsync(_transformation);
        await Hosts.StartAsync(_registry);
    }

    public async ValueTask DisposeAsync()
    {
        await _registry.DisposeAsync();
        await _transformation.DisposeAsync();
    }

    [Fact]
    public async Task A_merger_ratified_while_the_Registry_is_down_completes_when_it_returns()
    {
        var transformation = _transformation.CreateClient();
        var survivor = await Register.RegisterAsync(_registry.CreateClient(), Register.Koperasi("Koperasi Tetap Jaya", 60));
        var absorbed = await Register.RegisterAsync(_registry.CreateClient(), Register.Koperasi("Koperasi Lebur Jaya", 40, regency: "1502"));
        await Cases.KnownAsync(transformation, (survivor, "Koperasi Tetap Jaya"), (absorbed, "Koperasi Lebur Jaya"));
        var deeded = await Cases.ToDeedAsync(
            transformation, "mergers", new JsonObject { ["survivorId"] = survivor, ["absorbedIds"] = new JsonArray(absorbed) }, [survivor, absorbed], Dates);

        await _registry.StopAsync();
        var ratified = await Cases.RatifyAsync(transformation, deeded, Dates);
        // The approval is published while no Registry runs: it can only wait in the Registry's queue.
        await Eventually.UntilAsync(async () => await BrokerQueue.ReadyAsync($"{_transformation.EntityPrefix}.registry-apply-merger") == 1, "the approval to wait in the Registry's queue");
        Api.Text((await Api.GetAsync(transformation, $"{Cases.Path}/{Api.Id(ratified)}"))["state"]).ShouldBe("approved");

        _registry = await Hosts.StartAsync(Hosts.Registry(Name));
        await Cases.UntilStateAsync(transformation, ratified, "completed");

        var registry = _registry.CreateClient();
        var gone = await Register.ReadAsync(registry, absorbed);
        (Api.Text(gone["legalStatus"]), gone["dissolution"]!["successorId"]!.GetValue<Guid>()).ShouldBe(("dissolved", survivor));
        (await Register.ReadAsync(registry, survivor))["memberCount"]!.GetValue<int>().ShouldBe(100);
    }
}
