using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koperasi.Registry.Tests.Messaging;
using Koperasi.Testing;

namespace Koperasi.Registry.Tests.Http;

/// <summary>The scheduled activity evaluation leaves a dissolved koperasi alone: it owes no RAT any more.</summary>
public sealed class DissolvedActivityTests : IAsyncLifetime
{
    private readonly IsolatedRegistryHost _registry = new("dissolvedactivity", new DateTimeOffset(2026, 6, 30, 5, 0, 0, TimeSpan.Zero));
    private HttpClient _client = null!;
    private TransformationBus _bus = null!;

    public async ValueTask InitializeAsync()
    {
        await _registry.InitializeAsync();
        _client = _registry.CreateClient();
        _bus = await TransformationBus.ConnectAsync(_registry.Services);
    }

    public ValueTask DisposeAsync() => _registry.DisposeAsync();

    [Fact]
    public async Task The_evaluation_skips_a_dissolved_koperasi_that_time_would_make_tidak_aktif()
    {
        // Both held their last RAT for 2022: 2023–2025 are missed once the 2025 RAT is due (30 June 2026).
        var survivor = await Api.RegisterAsync(_client, Api.Registration(decreeDate: "2016-05-02", rats: Api.Rat(2024, "2025-03-01")));
        var absorbed = await Api.RegisterAsync(_client, Api.Registration(decreeDate: "2016-05-02", rats: Api.Rat(2022, "2023-03-01")));
        var stale = await Api.RegisterAsync(_client, Api.Registration(decreeDate: "2016-05-02", rats: Api.Rat(2022, "2023-03-01")));
        var merger = Approvals.Merger(survivor["id"]!.GetValue<Guid>(), absorbed["id"]!.GetValue<Guid>()) with
        {
            Ratification = Approvals.Ratification(new DateOnly(2026, 6, 15)),
            EffectiveOn = new DateOnly(2026, 6, 15),
        };
        await _bus.PublishAsync(merger, Guid.NewGuid());
        var ended = await Eventually.ValueAsync(
            async () => await Api.GetAsync(_client, $"/api/registry/cooperatives/{absorbed["id"]}") is { } read && read["legalStatus"]!.GetValue<string>() == "dissolved" ? read : null,
            "the merger applied");

        _registry.Clock.Advance(TimeSpan.FromDays(2));
        using var response = await _client.PostAsync(new Uri("/api/registry/activity-evaluations", UriKind.Relative), null);
        var result = (await response.Content.ReadFromJsonAsync<JsonObject>())!;

        (result["evaluated"]!.GetValue<int>(), result["changed"]!.GetValue<int>()).ShouldBe((1, 1), result.ToJsonString());
        (await Api.GetAsync(_client, $"/api/registry/cooperatives/{stale["id"]}"))["activity"]!.GetValue<string>().ShouldBe("tidak-aktif");
        var dissolved = await Api.GetAsync(_client, $"/api/registry/cooperatives/{absorbed["id"]}");
        (dissolved["activity"]!.GetValue<string>(), dissolved["version"]!.GetValue<long>()).ShouldBe(("aktif", ended["version"]!.GetValue<long>()));
    }
}
