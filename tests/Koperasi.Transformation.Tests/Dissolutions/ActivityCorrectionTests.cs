using Koperasi.Contracts.Registry;
using static Koperasi.Transformation.Tests.Dissolutions.DissolutionApi;

namespace Koperasi.Transformation.Tests.Dissolutions;

/// <summary>
/// The Registry corrects a koperasi's activity history (a late RAT): a dissolution case holding a
/// koperasi that is aktif again by the corrected history is flagged revived, as for a change to aktif.
/// </summary>
public class ActivityCorrectionTests(TransformationHost host) : IClassFixture<TransformationHost>
{
    private readonly HttpClient _client = host.CreateClient();

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public async Task A_corrected_history_that_makes_the_koperasi_aktif_again_flags_its_case_revived()
    {
        var cooperative = await RegistryFacts.RegisterAsync(host);
        var announced = await AnnouncedAsync(_client, cooperative);
        var messageId = Guid.NewGuid();

        await RegistryFacts.PublishAsync(host, new CooperativeActivityCorrected(
            cooperative, 6, DateTimeOffset.UtcNow,
            [new ActivityPeriod(D(2010, 3, 1), D(2019, 7, 1), "aktif"), new ActivityPeriod(D(2019, 7, 1), D(2026, 10, 20), "tidak-aktif"), new ActivityPeriod(D(2026, 10, 20), null, "aktif")],
            "Late RAT"), messageId);
        await host.Deliveries.HandledAsync(messageId);

        var revived = await CaseAsync(_client, announced);
        (Text(revived["revivedOn"]), Version(revived)).ShouldBe(("2026-10-20", Version(announced) + 1));
    }

    [Fact]
    public async Task A_corrected_history_that_leaves_the_koperasi_tidak_aktif_or_was_aktif_all_along_changes_nothing()
    {
        var cooperative = await RegistryFacts.RegisterAsync(host);
        var announced = await AnnouncedAsync(_client, cooperative);
        var stillInactive = Guid.NewGuid();
        var aktifAllAlong = Guid.NewGuid();

        await RegistryFacts.PublishAsync(host, new CooperativeActivityCorrected(
            cooperative, 6, DateTimeOffset.UtcNow, [new ActivityPeriod(D(2010, 3, 1), D(2020, 7, 1), "aktif"), new ActivityPeriod(D(2020, 7, 1), null, "tidak-aktif")], "Late RAT"), stillInactive);
        await RegistryFacts.PublishAsync(host, new CooperativeActivityCorrected(
            cooperative, 7, DateTimeOffset.UtcNow, [new ActivityPeriod(D(2010, 3, 1), null, "aktif")], "Policy"), aktifAllAlong);
        await host.Deliveries.HandledAsync(stillInactive);
        await host.Deliveries.HandledAsync(aktifAllAlong);

        var unchanged = await CaseAsync(_client, announced);
        (unchanged["revivedOn"], Version(unchanged)).ShouldBe((null, Version(announced)));
    }
}
