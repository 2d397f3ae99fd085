using System.Net;
using Koperasi.Registry.Cooperatives;
using Koperasi.Registry.Demo;
using Koperasi.Registry.Supervision;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Koperasi.Registry.Tests.Demo;

/// <summary>
/// A demo-loaded koperasi is written to as any other: its document's version is its stream's, so the
/// ETag a read answers is one If-Match accepts. The load appends the supervision facts (pembina, visits,
/// KDMP, NIK koperasi renewals, flagships) to streams registered in an earlier session of the load:
/// appended without the stream's version, the inline projection stored those documents at version 0.
/// </summary>
public class DemoDataVersionTests
{
    private static readonly DemoTargets Scaled = DemoTargets.Load().Scaled(10);

    [Fact]
    public async Task Every_demo_koperasi_is_at_its_stream_s_version_and_takes_a_write_with_the_ETag_it_answers()
    {
        await using var registry = new IsolatedRegistryHost("demoversion", DemoDataLoadTests.Now);
        registry.With("Marten:DaemonMode", "Disabled");
        var client = registry.CreateClient();
        (await DemoDataLoadTests.LoadAsync(registry, Scaled)).Status.ShouldBe(DemoDataStatus.Loaded);

        var cancellationToken = TestContext.Current.CancellationToken;
        await using var store = DemoDataTool.OpenStore(registry.Services.GetRequiredService<IConfiguration>());
        await using var session = store.QuerySession();
        var cooperatives = await session.Query<Cooperative>().ToListAsync(cancellationToken);
        cooperatives.Count.ShouldBe(Scaled.Total);
        var supervised = (await session.Query<CooperativeSupervision>().Where(s => s.Assignments.Any()).Select(s => s.CooperativeId).ToListAsync(cancellationToken)).ToHashSet();
        supervised.ShouldNotBeEmpty("the load should append supervision facts to koperasi it registered, the path that lost the version");

        var wrong = new List<string>();
        foreach (var cooperative in cooperatives)
        {
            var state = await session.Events.FetchStreamStateAsync(cooperative.Id, cancellationToken);
            if (state is null || state.Version != cooperative.Version)
            {
                wrong.Add($"{cooperative.Id} ({cooperative.Address.RegencyCode}): document {cooperative.Version}, stream {state?.Version}");
            }
        }

        wrong.Count.ShouldBe(0, string.Join("; ", wrong.Take(5)));

        // A koperasi of Merangin with a pembina (as the console shows them) takes a RAT report with the ETag of its read.
        var target = cooperatives
            .Where(c => c.Address.RegencyCode == "1502" && supervised.Contains(c.Id) && c.Dissolution is null && c.DissolutionCase is null)
            .Select(c => (Cooperative: c, Year: OpenRatYear(c)))
            .First(c => c.Year is not null);
        using var read = await client.GetAsync(new Uri($"/api/registry/cooperatives/{target.Cooperative.Id}", UriKind.Relative), cancellationToken);
        read.StatusCode.ShouldBe(HttpStatusCode.OK);
        var etag = read.Headers.ETag.ShouldNotBeNull();
        etag.Tag.ShouldNotBe("\"0\"");

        using var report = new HttpRequestMessage(HttpMethod.Post, $"/api/registry/cooperatives/{target.Cooperative.Id}/rat-reports")
        {
            Content = System.Net.Http.Json.JsonContent.Create(Api.Rat(target.Year!.Value, "2026-06-15")),
        };
        report.Headers.TryAddWithoutValidation("If-Match", etag.Tag);
        using var reported = await client.SendAsync(report, cancellationToken);
        reported.StatusCode.ShouldBe(HttpStatusCode.Created, await reported.Content.ReadAsStringAsync(cancellationToken));
        var after = await session.Events.FetchStreamStateAsync(target.Cooperative.Id, cancellationToken);
        reported.Headers.ETag.ShouldNotBeNull().Tag.ShouldBe($"\"{after!.Version}\"");
    }

    /// <summary>A financial year whose RAT the koperasi has not reported and that may be reported on 15 June 2026.</summary>
    private static int? OpenRatYear(Cooperative cooperative) =>
        Enumerable.Range(cooperative.LegalEntity.DecreeDate.Year, Math.Max(0, 2026 - cooperative.LegalEntity.DecreeDate.Year))
            .Reverse()
            .Cast<int?>()
            .FirstOrDefault(year => cooperative.Rats.All(r => r.FinancialYear != year));
}
