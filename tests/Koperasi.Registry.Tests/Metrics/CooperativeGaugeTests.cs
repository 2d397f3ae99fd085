using Koperasi.Registry.Tests.Messaging;
using Koperasi.Testing;

namespace Koperasi.Registry.Tests.Metrics;

/// <summary>The register now, as Prometheus scrapes it: koperasi by regency, activity and legal status.</summary>
[Collection(nameof(BusinessGaugeScrapes))]
public sealed class CooperativeGaugeTests : IAsyncLifetime
{
    private readonly IsolatedRegistryHost _registry = new("gauges", new DateTimeOffset(2026, 6, 30, 5, 0, 0, TimeSpan.Zero));
    private HttpClient _client = null!;
    private HttpClient _prometheus = null!;
    private TransformationBus _bus = null!;

    public async ValueTask InitializeAsync()
    {
        _registry.With("Metrics:BusinessGaugeInterval", "00:00:00.100");
        await _registry.InitializeAsync();
        _client = _registry.CreateClient();
        _prometheus = _registry.CreateAnonymousClient();
        _bus = await TransformationBus.ConnectAsync(_registry.Services);
    }

    public ValueTask DisposeAsync() => _registry.DisposeAsync();

    private Task<double?> Cooperatives(string regency, string activity, string legalStatus) =>
        MetricsScrape.ValueAsync(_prometheus, "koperasi_cooperatives", ("regency", regency), ("activity", activity), ("legal_status", legalStatus));

    [Fact]
    public async Task The_gauge_counts_the_register_by_regency_activity_and_legal_status()
    {
        // Kerinci: two aktif, one without any RAT since 2016 (tidak aktif); Kota Jambi: one aktif.
        var survivor = await Api.RegisterAsync(_client, Api.Registration(regency: "1501", decreeDate: "2016-05-02", rats: Api.Rat(2024, "2025-03-01")));
        var absorbed = await Api.RegisterAsync(_client, Api.Registration(regency: "1501", decreeDate: "2016-05-02", rats: Api.Rat(2024, "2025-03-01")));
        var idle = await Api.RegisterAsync(_client, Api.Registration(regency: "1501", decreeDate: "2016-05-02"));
        await Api.RegisterAsync(_client, Api.Registration(regency: "1571", decreeDate: "2025-01-10"));

        await Eventually.UntilAsync(
            async () => await Cooperatives("1501", "aktif", "existing") == 2 && await Cooperatives("1501", "tidak-aktif", "existing") == 1
                && await Cooperatives("1571", "aktif", "existing") == 1,
            "the gauge refreshed with the registrations");
        var sample = (await MetricsScrape.ReadAsync(_prometheus)).First(s => s.Name == "koperasi_cooperatives" && s.Labels["regency"] == "1571");
        sample.Labels["regency_name"].ShouldBe("Kota Jambi");

        // A merger dissolves the absorbed koperasi: the same regency now counts one dissolved.
        await _bus.PublishAsync(Approvals.Merger(survivor["id"]!.GetValue<Guid>(), absorbed["id"]!.GetValue<Guid>()) with
        {
            Ratification = Approvals.Ratification(new DateOnly(2026, 6, 15)),
            EffectiveOn = new DateOnly(2026, 6, 15),
        }, Guid.NewGuid());

        await Eventually.UntilAsync(
            async () => await Cooperatives("1501", "aktif", "existing") == 1 && await Cooperatives("1501", "aktif", "dissolved") == 1,
            "the gauge refreshed with the merger");
        (await Cooperatives("1501", "tidak-aktif", "existing")).ShouldBe(1);
        (await Cooperatives("1571", "aktif", "existing")).ShouldBe(1);
        (await Cooperatives("1501", "tidak-aktif", "dissolved")).ShouldBeNull();

        // A dissolution case on the tidak aktif one: dissolving, then in liquidation once decided.
        var idleId = idle["id"]!.GetValue<Guid>();
        var caseId = Guid.NewGuid();
        await _bus.PublishAsync(new Koperasi.Contracts.Transformation.DissolutionCaseOpened(caseId, 1, DateTimeOffset.UtcNow, idleId, "1501", "government", new DateOnly(2026, 3, 2)), Guid.NewGuid());
        await Eventually.UntilAsync(
            async () => await Cooperatives("1501", "tidak-aktif", "dissolving") == 1 && await Cooperatives("1501", "tidak-aktif", "existing") is null or 0,
            "the gauge refreshed with the dissolving koperasi");
        await _bus.PublishAsync(new Koperasi.Contracts.Transformation.DissolutionDecided(caseId, 9, DateTimeOffset.UtcNow, idleId, "government", new DateOnly(2026, 6, 1), "1/KEP/2026"), Guid.NewGuid());
        await Eventually.UntilAsync(
            async () => await Cooperatives("1501", "tidak-aktif", "in-liquidation") == 1 && await Cooperatives("1501", "tidak-aktif", "dissolving") is null or 0,
            "the gauge refreshed with the koperasi in liquidation");
    }
}

/// <summary>
/// OpenTelemetry listens to meters by name across the process, so every host alive in the test
/// process reports its gauges on every other host's /metrics; scraping with no other host running
/// keeps the counts those of this test's own host.
/// </summary>
[CollectionDefinition(nameof(BusinessGaugeScrapes), DisableParallelization = true)]
public sealed class BusinessGaugeScrapes;
