using System.Diagnostics;
using Koperasi.Registry.Demo;

namespace Koperasi.Registry.Tests.Demo;

/// <summary>
/// The full demo data set, loaded once by the tool into a running Registry's store, answers the
/// published figures (shared/data/published-figures.md). Its own class, so that it runs beside the
/// tests of <see cref="DemoDataLoadTests"/> on the scaled-down set.
/// </summary>
public class DemoDataPublishedFiguresTests
{
    [Fact]
    public async Task The_full_demo_set_gives_the_published_figures()
    {
        await using var registry = new IsolatedRegistryHost("demo", DemoDataLoadTests.Now);
        var client = registry.CreateClient();
        var watch = Stopwatch.StartNew();
        var loaded = await DemoDataLoadTests.LoadAsync(registry);
        var loadTime = watch.Elapsed;
        loaded.ShouldBe(new DemoDataState(DemoDataStatus.Loaded, 5053, 0, 5053));

        await DemoDataLoadTests.PublishedTableAsync(client, "?asOf=2025-08-29", DemoDataLoadTests.Published);
        TestContext.Current.TestOutputHelper?.WriteLine($"Demo set loaded in {loadTime.TotalSeconds:F1} s; statistics caught up after {watch.Elapsed.TotalSeconds:F1} s.");
        (await DemoDataLoadTests.CountAsync(client, "")).ShouldBe(5053);
        (await DemoDataLoadTests.CountAsync(client, "hasNikKoperasi=true")).ShouldBe(629);
        (await DemoDataLoadTests.CountAsync(client, "supervisionLevel=provinsi")).ShouldBe(232);
        (await DemoDataLoadTests.CountAsync(client, "supervisionLevel=provinsi&activity=aktif")).ShouldBe(216);
        (await DemoDataLoadTests.CountAsync(client, "type=produsen")).ShouldBe(1318);

        // The supervision figures, expected as the test's data file copies them from the publication.
        var supervision = DemoDataSupervisionTests.PublishedSupervisionFigures.Load();
        (await DemoDataLoadTests.KdmpCoverageAsync(client, supervision.KdmpFormedBy)).ShouldBe(supervision.Kdmp);
        (await DemoDataLoadTests.ValidNikKoperasiAsync(client, supervision.ValidNikKoperasiOn)).ShouldBe(supervision.ValidNikKoperasi);
        (await DemoDataLoadTests.StatisticsSupervisionAsync(client, supervision.KdmpFormedBy))["desaWithKdmp"]!.GetValue<int>().ShouldBe(supervision.Kdmp);
        (await DemoDataLoadTests.StatisticsSupervisionAsync(client, supervision.ValidNikKoperasiOn))["validNikKoperasi"]!.GetValue<int>().ShouldBe(supervision.ValidNikKoperasi);
    }
}
