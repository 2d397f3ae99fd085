using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koperasi.Funding.Demo;
using Koperasi.Funding.Programmes;
using Koperasi.ServiceDefaults.PersonalData;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Koperasi.Funding.Tests.Demo;

/// <summary>When the demo load runs, when it leaves the store alone, and how it resumes. Without the daemon: these count applications, not reports.</summary>
public class DemoDataStartTests(FundingHost funding) : IClassFixture<FundingHost>
{
    [Fact]
    public async Task The_demo_load_is_off_unless_configured() =>
        (await Api.GetAsync(funding.CreateClient(), "/api/funding/demo-data"))["status"]!.GetValue<string>().ShouldBe("disabled");

    [Fact]
    public async Task A_store_that_holds_a_programme_is_left_alone()
    {
        var officer = new IsolatedFundingHost("demoskip");
        officer.With("Marten:DaemonMode", "Disabled");
        IsolatedFundingHost? withDemo = null;
        try
        {
            await Api.OpenProgrammeAsync(officer.CreateClient(), Api.Programme(year: 2026));

            withDemo = new IsolatedFundingHost("demoskip");
            withDemo.With("Demo:LoadWhenEmpty", "true").With("Marten:DaemonMode", "Disabled");
            var client = withDemo.CreateClient();
            (await DemoDataHost.StateAsync(client, "skipped"))["applications"]!.GetValue<int>().ShouldBe(0);
            var programmes = await client.GetFromJsonAsync<JsonArray>("/api/funding/programmes", TestContext.Current.CancellationToken);
            programmes!.Select(p => p!["year"]!.GetValue<int>()).ShouldBe([2026]);
            (await Api.GetAsync(client, "/api/funding/applications?pageSize=1"))["totalCount"]!.GetValue<long>().ShouldBe(0);
        }
        finally
        {
            if (withDemo is not null)
            {
                await withDemo.DisposeAsync();
            }

            await officer.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_load_cut_short_is_resumed_at_the_next_start_without_duplicates()
    {
        // What an interrupted load leaves behind: its marker, the programmes and the first batches.
        var interrupted = new IsolatedFundingHost("demoresume");
        interrupted.With("Marten:DaemonMode", "Disabled");
        IsolatedFundingHost? resumed = null;
        try
        {
            var set = DemoSet.Generate();
            var store = interrupted.Services.GetRequiredService<IDocumentStore>();
            var cancellation = TestContext.Current.CancellationToken;
            (await DemoDataWriter.OpenProgrammesAsync(store, set, new DemoDataLoad(DemoDataLoad.Key, FundingService.Now, null), DemoSetTests.Defaults, cancellation)).ShouldBeTrue();
            var programmes = await DemoDataWriter.ProgrammesAsync(store, set, cancellation);
            using (var scope = interrupted.Services.CreateScope())
            {
                var vault = scope.ServiceProvider.GetRequiredService<IPersonalDataVault>();
                foreach (var batch in set.Batches.Take(3))
                {
                    (await DemoDataWriter.LoadBatchAsync(store, vault, batch, programmes[batch.Year], cancellation)).Granted.ShouldBe(batch.Applications.Count);
                }
            }

            resumed = new IsolatedFundingHost("demoresume");
            resumed.With("Demo:LoadWhenEmpty", "true").With("Marten:DaemonMode", "Disabled");
            var client = resumed.CreateClient();
            var loaded = await DemoDataHost.StateAsync(client, "loaded");
            (loaded["applications"]!.GetValue<int>(), loaded["rejected"]!.GetValue<int>()).ShouldBe((set.Applications, 0));

            (await Api.GetAsync(client, "/api/funding/applications?pageSize=1"))["totalCount"]!.GetValue<long>().ShouldBe(set.Applications);
            await using var query = store.QuerySession();
            var decrees = (await query.Query<Programme>().ToListAsync(cancellation)).SelectMany(p => p.Batches).Select(b => b.DecreeNumber).ToList();
            decrees.ShouldBeUnique();
            decrees.Count.ShouldBe(set.Batches.Count);
        }
        finally
        {
            if (resumed is not null)
            {
                await resumed.DisposeAsync();
            }

            await interrupted.DisposeAsync();
        }
    }
}
