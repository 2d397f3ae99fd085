using System.Text.Json.Nodes;
using Koperasi.Testing;
using Koperasi.Transformation.Tests.Dissolutions;

namespace Koperasi.Transformation.Tests.Metrics;

/// <summary>The dissolution deadlines overdue now, per regency, as Prometheus scrapes them.</summary>
[Collection(nameof(BusinessGaugeScrapes))]
public sealed class OverdueDeadlineGaugeTests : IAsyncLifetime
{
    private readonly TransformationHost _host = new();
    private HttpClient _client = null!;
    private HttpClient _prometheus = null!;

    public async ValueTask InitializeAsync()
    {
        _host.With("Metrics:BusinessGaugeInterval", "00:00:00.100");
        _host.With("Dissolution:ScheduledDeadlineEvaluation", "false");
        await _host.InitializeAsync();
        _client = _host.CreateClient();
        _prometheus = _host.CreateAnonymousClient();
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private Task<double?> Overdue(string regency) =>
        MetricsScrape.ValueAsync(_prometheus, "koperasi_dissolution_deadlines_overdue", ("regency", regency));

    [Fact]
    public async Task The_gauge_counts_the_overdue_deadlines_of_open_cases_per_regency()
    {
        // Announced on 2026-03-16: the announcement ended on 2026-06-16, the proposal to the ministry is overdue (today 2026-11-22).
        var late = await DissolutionApi.AnnouncedAsync(_client, await RegistryFacts.RegisterAsync(_host, regency: "1504"));
        await DissolutionApi.AnnouncedAsync(_client, await RegistryFacts.RegisterAsync(_host, regency: "1504"));
        // Only proposed: no deadline runs yet.
        await DissolutionApi.ProposeAsync(_client, "government", DissolutionApi.Government(await RegistryFacts.RegisterAsync(_host, regency: "1505")));

        await Eventually.UntilAsync(async () => await Overdue("1504") == 2, "the gauge to count the two overdue proposals of Batang Hari");
        (await Overdue("1505")).ShouldBeNull();

        await DissolutionApi.StepOkAsync(_client, late, "withdrawal", new JsonObject { ["reason"] = "The koperasi held its RAT again." });
        await Eventually.UntilAsync(async () => await Overdue("1504") == 1, "the gauge to leave the withdrawn case out");
    }
}
