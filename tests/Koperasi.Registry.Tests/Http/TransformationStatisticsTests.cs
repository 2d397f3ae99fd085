using System.Text.Json.Nodes;
using Koperasi.Registry.Tests.Messaging;
using Koperasi.Testing;

namespace Koperasi.Registry.Tests.Http;

/// <summary>A merger ends the absorbed koperasi's count from its effective date, and not before.</summary>
public sealed class TransformationStatisticsTests : IAsyncLifetime
{
    private readonly IsolatedRegistryHost _registry = new("transformationstatistics", new DateTimeOffset(2026, 11, 22, 3, 0, 0, TimeSpan.Zero));
    private HttpClient _client = null!;
    private TransformationBus _bus = null!;

    public async ValueTask InitializeAsync()
    {
        await _registry.InitializeAsync();
        _client = _registry.CreateClient();
        _bus = await TransformationBus.ConnectAsync(_registry.Services);
    }

    public ValueTask DisposeAsync() => _registry.DisposeAsync();

    private Task<JsonObject> RegenciesOn(string day) => Api.GetAsync(_client, $"/api/registry/statistics/regencies?asOf={day}");

    private static long Total(JsonObject table, string regency) =>
        table["rows"]!.AsArray().Single(r => r!["regencyCode"]!.GetValue<string>() == regency)!["total"]!.GetValue<long>();

    [Fact]
    public async Task The_count_before_the_merger_includes_the_absorbed_koperasi_and_after_it_does_not()
    {
        var survivor = await Api.RegisterAsync(_client, Api.Registration(regency: "1571", decreeDate: "2019-02-01"));
        var absorbed = await Api.RegisterAsync(_client, Api.Registration(regency: "1504", decreeDate: "2020-08-17"));
        await Eventually.UntilAsync(async () => (await RegenciesOn("2026-11-22"))["total"]!.GetValue<long>() == 2, "both registrations counted");

        await _bus.PublishAsync(Approvals.Merger(survivor["id"]!.GetValue<Guid>(), absorbed["id"]!.GetValue<Guid>()), Guid.NewGuid());
        await Eventually.UntilAsync(async () => (await RegenciesOn("2026-11-22"))["total"]!.GetValue<long>() == 1, "the dissolution counted");

        var before = await RegenciesOn("2026-10-14");
        var after = await RegenciesOn("2026-10-15");
        (before["total"]!.GetValue<long>(), Total(before, "1504"), Total(before, "1571")).ShouldBe((2, 1, 1));
        (after["total"]!.GetValue<long>(), Total(after, "1504"), Total(after, "1571")).ShouldBe((1, 0, 1));
    }
}
