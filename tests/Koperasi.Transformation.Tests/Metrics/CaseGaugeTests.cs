using System.Text.Json.Nodes;
using Koperasi.Testing;

namespace Koperasi.Transformation.Tests.Metrics;

/// <summary>The cases now, as Prometheus scrapes them: by kind and state.</summary>
[Collection(nameof(BusinessGaugeScrapes))]
public sealed class CaseGaugeTests : IAsyncLifetime
{
    private readonly TransformationHost _host = new();
    private HttpClient _client = null!;
    private HttpClient _prometheus = null!;

    public async ValueTask InitializeAsync()
    {
        _host.With("Metrics:BusinessGaugeInterval", "00:00:00.100");
        await _host.InitializeAsync();
        _client = _host.CreateClient();
        _prometheus = _host.CreateAnonymousClient();
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private Task<double?> Cases(string kind, string state) =>
        MetricsScrape.ValueAsync(_prometheus, "koperasi_transformation_cases", ("kind", kind), ("state", state));

    [Fact]
    public async Task The_gauge_counts_cases_by_kind_and_state()
    {
        var kept = await Api.ProposeAsync(_client, "mergers", Api.Merger(await RegistryFacts.RegisterAsync(_host), await RegistryFacts.RegisterAsync(_host)));
        var dropped = await Api.ProposeAsync(_client, "mergers", Api.Merger(await RegistryFacts.RegisterAsync(_host), await RegistryFacts.RegisterAsync(_host)));
        await Eventually.UntilAsync(async () => await Cases("merger", "proposed") == 2, "the gauge refreshed with the proposals");

        await Api.StepOkAsync(_client, dropped, "withdrawal", new JsonObject { ["reason"] = "Rapat pengurus menunda rencana." });

        await Eventually.UntilAsync(
            async () => await Cases("merger", "proposed") == 1 && await Cases("merger", "withdrawn") == 1,
            "the gauge refreshed with the withdrawal");
        (await Api.CaseAsync(_client, kept))["state"]!.GetValue<string>().ShouldBe("proposed");
        (await Cases("amalgamation", "proposed")).ShouldBeNull();
    }
}

/// <summary>
/// OpenTelemetry listens to meters by name across the process, so every host alive in the test
/// process reports its gauges on every other host's /metrics; scraping with no other host running
/// keeps the counts those of this test's own host.
/// </summary>
[CollectionDefinition(nameof(BusinessGaugeScrapes), DisableParallelization = true)]
public sealed class BusinessGaugeScrapes;
