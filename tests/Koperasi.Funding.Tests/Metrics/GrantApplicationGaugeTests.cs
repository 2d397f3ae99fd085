using System.Globalization;
using Koperasi.Testing;

namespace Koperasi.Funding.Tests.Metrics;

/// <summary>The grant pipeline now, as Prometheus scrapes it: applications by programme year and stage.</summary>
[Collection(nameof(BusinessGaugeScrapes))]
public sealed class GrantApplicationGaugeTests : IAsyncLifetime
{
    private readonly IsolatedFundingHost _funding = new("gauges");
    private HttpClient _client = null!;
    private HttpClient _prometheus = null!;

    public async ValueTask InitializeAsync()
    {
        _funding.With("Metrics:BusinessGaugeInterval", "00:00:00.100");
        await _funding.InitializeAsync();
        _client = _funding.CreateClient();
        _prometheus = _funding.CreateAnonymousClient();
    }

    public ValueTask DisposeAsync() => _funding.DisposeAsync();

    [Fact]
    public async Task The_gauge_counts_applications_by_programme_year_and_status()
    {
        var year = Api.NextYear();
        var programme = Api.Id(await Api.OpenProgrammeAsync(_client, Api.Programme(year)));
        await Api.SubmitAsync(_client, Api.Application(programme));
        var checkedOne = Api.Id(await Api.SubmitAsync(_client, Api.Application(programme)));
        await Api.StepAsync(_client, checkedOne, "documents-check", Api.Documents());
        await Api.EligibleAsync(_client, Api.Application(programme));

        Task<double?> Applications(string status) => MetricsScrape.ValueAsync(
            _prometheus, "koperasi_grant_applications", ("programme_year", year.ToString(CultureInfo.InvariantCulture)), ("status", status));

        await Eventually.UntilAsync(
            async () => await Applications("submitted") == 1 && await Applications("documents-checked") == 1 && await Applications("eligible") == 1,
            "the gauge refreshed with the applications");

        // A stage emptied reports 0 rather than vanishing.
        await Api.StepAsync(_client, checkedOne, "field-verification", Api.FieldVisit());
        await Eventually.UntilAsync(
            async () => await Applications("field-verified") == 1 && await Applications("documents-checked") == 0,
            "the gauge refreshed with the field verification");
        (await Applications("submitted")).ShouldBe(1);
        (await Applications("eligible")).ShouldBe(1);
    }
}

/// <summary>
/// OpenTelemetry listens to meters by name across the process, so every host alive in the test
/// process reports its gauges on every other host's /metrics; scraping with no other host running
/// keeps the counts those of this test's own host.
/// </summary>
[CollectionDefinition(nameof(BusinessGaugeScrapes), DisableParallelization = true)]
public sealed class BusinessGaugeScrapes;
