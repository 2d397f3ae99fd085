using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koperasi.Funding.Demo;
using Koperasi.Funding.Decrees;
using Koperasi.ServiceDefaults.PersonalData;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Koperasi.Funding.Tests.Demo;

/// <summary>When the demo tool loads, when it leaves the store alone, and how it resumes. Without the daemon: these count applications, not reports.</summary>
public class DemoDataStartTests
{
    [Fact]
    public async Task A_store_that_holds_a_programme_is_left_alone()
    {
        await using var officer = new IsolatedFundingHost("demoskip");
        officer.With("Marten:DaemonMode", "Disabled");
        var client = officer.CreateClient();
        await Api.OpenProgrammeAsync(client, Api.Programme(year: 2026));

        (await DemoDataHost.LoadAsync(officer)).ShouldBe(new DemoDataState(DemoDataStatus.Skipped, 0, 0, 0));
        var programmes = await client.GetFromJsonAsync<JsonArray>("/api/funding/programmes", TestContext.Current.CancellationToken);
        programmes!.Select(p => p!["year"]!.GetValue<int>()).ShouldBe([2026]);
        (await Api.GetAsync(client, "/api/funding/applications?pageSize=1"))["totalCount"]!.GetValue<long>().ShouldBe(0);
    }

    [Fact]
    public async Task A_load_cut_short_is_resumed_at_the_next_run_without_duplicates()
    {
        // What an interrupted load leaves behind: its marker, the programmes and the first batches.
        // The set scaled down: resuming is about batches, which it keeps every one of.
        await using var funding = new IsolatedFundingHost("demoresume");
        funding.With("Marten:DaemonMode", "Disabled");
        var client = funding.CreateClient();
        var set = DemoSet.Generate().Scaled(DemoDataHost.ScaledDivisor);
        var cancellation = TestContext.Current.CancellationToken;
        using var tool = DemoDataTool.Build(funding.Services.GetRequiredService<IConfiguration>(), funding.Clock);
        var store = tool.Services.GetRequiredService<IDocumentStore>();
        (await DemoDataWriter.OpenProgrammesAsync(store, set, new DemoDataLoad(DemoDataLoad.Key, FundingService.Now, null), DemoSetTests.Defaults, cancellation)).ShouldBeTrue();
        var programmes = await DemoDataWriter.ProgrammesAsync(store, set, cancellation);
        using (var scope = tool.Services.CreateScope())
        {
            var vault = scope.ServiceProvider.GetRequiredService<IPersonalDataVault>();
            foreach (var batch in set.Batches.Take(3))
            {
                (await DemoDataWriter.LoadBatchAsync(store, vault, batch, programmes[batch.Year], cancellation)).Granted.ShouldBe(batch.Applications.Count);
            }
        }

        var reported = new List<DemoDataState>();
        var loaded = await DemoDataHost.LoadAsync(funding, set, new Reported(reported));
        loaded.ShouldBe(new DemoDataState(DemoDataStatus.Loaded, set.Applications, 0, set.Applications));
        reported[^1].Applications.ShouldBe(set.Applications);

        (await Api.GetAsync(client, "/api/funding/applications?pageSize=1"))["totalCount"]!.GetValue<long>().ShouldBe(set.Applications);
        await using var query = store.QuerySession();
        var decrees = await query.Query<DecreeBatch>().Select(b => b.DecreeNumber).ToListAsync(cancellation);
        decrees.ShouldBeUnique();
        decrees.Count.ShouldBe(set.Batches.Count);
    }

    [Fact]
    public void The_tool_names_the_missing_connection_setting()
    {
        Should.Throw<InvalidOperationException>(() => DemoDataTool.Build(new ConfigurationBuilder().Build(), TimeProvider.System))
            .Message.ShouldContain("ConnectionStrings__Postgres");
    }

    private sealed class Reported(List<DemoDataState> states) : IProgress<DemoDataState>
    {
        public void Report(DemoDataState value) => states.Add(value);
    }
}
