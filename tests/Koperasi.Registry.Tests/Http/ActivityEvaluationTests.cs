using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Koperasi.Registry.Tests.Http;

/// <summary>Activity changes as time passes, not only when a report arrives.</summary>
public sealed class ActivityEvaluationTests : IAsyncLifetime
{
    private readonly IsolatedRegistryHost _registry = new("activity", new DateTimeOffset(2026, 6, 30, 5, 0, 0, TimeSpan.Zero));
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        await _registry.InitializeAsync();
        _client = _registry.CreateClient();
    }

    public ValueTask DisposeAsync() => _registry.DisposeAsync();

    private async Task<JsonObject> EvaluateAsync()
    {
        using var response = await _client.PostAsync(new Uri("/api/registry/activity-evaluations", UriKind.Relative), null);
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    [Fact]
    public async Task When_the_deadline_of_the_third_missed_year_passes_the_evaluation_records_tidak_aktif()
    {
        // Last RAT for 2022: 2023, 2024 and 2025 missed once the 2025 RAT is due (30 June 2026).
        var stale = await Api.RegisterAsync(_client, Api.Registration(decreeDate: "2016-05-02", rats: Api.Rat(2022, "2023-03-01")));
        var fresh = await Api.RegisterAsync(_client, Api.Registration(decreeDate: "2016-05-02", rats: Api.Rat(2024, "2025-03-01")));
        stale["activity"]!.GetValue<string>().ShouldBe("aktif");

        (await EvaluateAsync())["changed"]!.GetValue<int>().ShouldBe(0);
        _registry.Clock.Advance(TimeSpan.FromDays(2));
        var result = await EvaluateAsync();

        result["changed"]!.GetValue<int>().ShouldBe(1, result.ToJsonString());
        result["today"]!.GetValue<string>().ShouldBe("2026-07-02");
        var read = await Api.GetAsync(_client, $"/api/registry/cooperatives/{stale["id"]}");
        read["activity"]!.GetValue<string>().ShouldBe("tidak-aktif");
        read["activitySince"]!.GetValue<string>().ShouldBe("2026-07-01");
        (await Api.GetAsync(_client, $"/api/registry/cooperatives/{fresh["id"]}"))["activity"]!.GetValue<string>().ShouldBe("aktif");

        using var historyResponse = await _client.GetAsync(new Uri($"/api/registry/cooperatives/{stale["id"]}/history", UriKind.Relative));
        var last = JsonNode.Parse(await historyResponse.Content.ReadAsStringAsync())!.AsArray()[^1]!;
        last["type"]!.GetValue<string>().ShouldBe("activity-changed");
        last["actor"]!.GetValue<string>().ShouldBe("system:activity-evaluator");

        (await EvaluateAsync())["changed"]!.GetValue<int>().ShouldBe(0);
    }
}

/// <summary>The schedule runs the evaluation when (fake) time passes, with no call from outside.</summary>
public sealed class ScheduledActivityEvaluationTests : IAsyncLifetime
{
    private readonly IsolatedRegistryHost _registry = new("schedule", new DateTimeOffset(2026, 6, 30, 5, 0, 0, TimeSpan.Zero), scheduledEvaluation: true);

    public ValueTask InitializeAsync() => _registry.InitializeAsync();

    public ValueTask DisposeAsync() => _registry.DisposeAsync();

    [Fact]
    public async Task Moving_the_clock_past_a_deadline_makes_the_schedule_record_tidak_aktif()
    {
        var client = _registry.CreateClient();
        var stale = await Api.RegisterAsync(client, Api.Registration(decreeDate: "2016-05-02", rats: Api.Rat(2022, "2023-03-01")));

        _registry.Clock.Advance(TimeSpan.FromDays(2));

        await Koperasi.Testing.Eventually.UntilAsync(
            async () => (await Api.GetAsync(client, $"/api/registry/cooperatives/{stale["id"]}"))["activity"]!.GetValue<string>() == "tidak-aktif",
            "the scheduled evaluation");
    }
}
