using System.Globalization;
using System.Text.Json;
using Koperasi.Testing;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Koperasi.Registry.Tests.Messaging;

/// <summary>
/// Every message carries its position: the source event's global sequence and recorded time, its
/// stream and version, and the acting user, in the headers the AsyncAPI document names.
/// </summary>
public sealed class PositionHeadersTests : IAsyncLifetime
{
    private readonly IsolatedRegistryHost _registry = new("positions", new DateTimeOffset(2026, 11, 22, 3, 0, 0, TimeSpan.Zero));
    private BrokerProbe _probe = null!;

    public async ValueTask InitializeAsync()
    {
        _probe = await BrokerProbe.SubscribeAsync(
            _registry.EntityPrefix, "koperasi:registry:cooperative-registered:v1", "koperasi:registry:rat-reported:v1");
        await _registry.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _probe.DisposeAsync();
        await _registry.DisposeAsync();
    }

    [Fact]
    public async Task A_message_carries_the_sequence_and_recorded_time_of_its_source_event_and_the_acting_user()
    {
        var client = _registry.CreateClient();
        var id = (await Api.RegisterAsync(client, Api.Registration(rats: Api.Rat(2023, "2024-03-02"))))["id"]!.GetValue<string>();

        var registered = await _probe.WaitForAsync("koperasi:registry:cooperative-registered:v1", m => m.GetProperty("cooperativeId").GetString() == id);
        var rat = await _probe.WaitForAsync("koperasi:registry:rat-reported:v1", m => m.GetProperty("cooperativeId").GetString() == id);

        await using var session = _registry.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var events = await session.Events.FetchStreamAsync(Guid.Parse(id), token: TestContext.Current.CancellationToken);
        foreach (var (message, version) in new[] { (registered, 1L), (rat, 2L) })
        {
            var source = events.Single(e => e.Version == version);
            Number(message.Headers, "koperasi-sequence").ShouldBe(source.Sequence);
            DateTimeOffset.Parse(message.Headers.GetProperty("koperasi-recorded-at").GetString()!, CultureInfo.InvariantCulture)
                .ShouldBe(source.Timestamp, TimeSpan.FromMilliseconds(1));
            message.Headers.GetProperty("koperasi-source-stream").GetString().ShouldBe(id);
            Number(message.Headers, "koperasi-source-version").ShouldBe(version);
            message.Headers.GetProperty("koperasi-actor").GetString().ShouldBe(source.UserName);
            message.Headers.GetProperty("koperasi-actor").GetString().ShouldNotBeNullOrEmpty();
        }

        Number(rat.Headers, "koperasi-sequence").ShouldBeGreaterThan(Number(registered.Headers, "koperasi-sequence"));
    }

    private static long Number(JsonElement headers, string name)
    {
        var value = headers.GetProperty(name);
        return value.ValueKind == JsonValueKind.String ? long.Parse(value.GetString()!, CultureInfo.InvariantCulture) : value.GetInt64();
    }
}
