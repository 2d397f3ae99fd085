using System.Text.Json.Nodes;
using static Koperasi.Registry.Tests.Supervision.SupervisionApi;

namespace Koperasi.Registry.Tests.Supervision;

/// <summary>The early-warning list moves when the clock passes a RAT deadline (30 June 2026, for financial year 2025).</summary>
public sealed class EarlyWarningEndpointTests : IAsyncLifetime
{
    private readonly IsolatedRegistryHost _registry = new("earlywarning", new DateTimeOffset(2026, 6, 30, 5, 0, 0, TimeSpan.Zero));
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        await _registry.InitializeAsync();
        _client = _registry.CreateClient();
    }

    public ValueTask DisposeAsync() => _registry.DisposeAsync();

    private static JsonNode? Row(JsonObject list, JsonObject koperasi) =>
        list["koperasi"]!.AsArray().SingleOrDefault(k => k!["cooperativeId"]!.GetValue<string>() == koperasi["id"]!.GetValue<string>());

    [Fact]
    public async Task When_the_deadline_passes_the_koperasi_at_risk_leave_the_list_as_tidak_aktif_and_the_next_ones_enter()
    {
        // Last RAT for 2022: 2023 and 2024 missed; missing 2025 too makes it tidak aktif after 30 June 2026.
        var stale = await Api.RegisterAsync(_client, Api.Registration(regency: "1502", decreeDate: "2016-05-02", rats: Api.Rat(2022, "2023-03-01")));
        // Last RAT for 2023: at risk only from the next deadline on (30 June 2027).
        var next = await Api.RegisterAsync(_client, Api.Registration(regency: "1502", decreeDate: "2016-05-02", rats: Api.Rat(2023, "2024-03-01")));
        var fresh = await Api.RegisterAsync(_client, Api.Registration(regency: "1502", decreeDate: "2016-05-02", rats: Api.Rat(2025, "2026-03-01")));
        await OkAsync(await PostAsync(_client, stale["id"]!, "pembina-assignments", Assignment("pembina.merangin", "1502")));

        var before = await Api.GetAsync(_client, "/api/registry/supervision/early-warning?regency=1502");
        var atRisk = Row(before, stale)!;
        atRisk["dueYear"]!.GetValue<int>().ShouldBe(2025);
        atRisk["yearsMissed"]!.AsArray().Select(y => y!.GetValue<int>()).ShouldBe([2023, 2024]);
        atRisk["lastRatYear"]!.GetValue<int>().ShouldBe(2022);
        var deadline = DateOnly.Parse(atRisk["becomesTidakAktifOn"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        deadline.ShouldBeInRange(new DateOnly(2026, 6, 30), new DateOnly(2026, 7, 1));
        Row(before, next).ShouldBeNull();
        Row(before, fresh).ShouldBeNull();
        var mine = await Api.GetAsync(_client, "/api/registry/supervision/early-warning?pembinaUserId=pembina.merangin");
        mine["koperasi"]!.AsArray().Select(k => k!["cooperativeId"]!.GetValue<string>()).ShouldBe([stale["id"]!.GetValue<string>()]);

        _registry.Clock.Advance(TimeSpan.FromDays(2));

        var after = await Api.GetAsync(_client, "/api/registry/supervision/early-warning?regency=1502");
        after["today"]!.GetValue<string>().ShouldBe("2026-07-02");
        Row(after, stale).ShouldBeNull();
        Row(after, next)!["dueYear"]!.GetValue<int>().ShouldBe(2026);
        Row(after, fresh).ShouldBeNull();
        var became = await Api.GetAsync(_client, "/api/registry/supervision/became-tidak-aktif?regency=1502&from=2026-06-01&to=2026-07-31");
        var row = Row(became, stale)!;
        row["becameTidakAktifOn"]!.GetValue<string>().ShouldBe("2026-07-01");
        row["yearsMissed"]!.AsArray().Select(y => y!.GetValue<int>()).ShouldBe([2023, 2024, 2025]);
        Row(became, next).ShouldBeNull();
    }
}
