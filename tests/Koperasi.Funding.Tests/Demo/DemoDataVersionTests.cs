using Koperasi.Funding.Applications;
using Koperasi.Funding.Programmes;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Koperasi.Funding.Tests.Demo;

/// <summary>
/// Every demo-loaded application and programme is stored at its stream's version, so the ETag a read
/// answers is one If-Match accepts (the Registry's demo koperasi were stored at version 0).
/// </summary>
public class DemoDataVersionTests(DemoDataHost demo) : IClassFixture<DemoDataHost>
{
    [Fact]
    public async Task Every_demo_application_and_programme_is_at_its_stream_s_version()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var session = demo.Funding.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var documents = (await session.Query<Application>().Select(a => new { a.Id, a.Version }).ToListAsync(cancellationToken)).Select(a => (a.Id, a.Version))
            .Concat((await session.Query<Programme>().Select(p => new { p.Id, p.Version }).ToListAsync(cancellationToken)).Select(p => (p.Id, p.Version)))
            .ToList();
        documents.Count.ShouldBe(demo.Set.Applications + demo.Set.Programmes.Count);

        var wrong = new List<string>();
        foreach (var (id, version) in documents)
        {
            var state = await session.Events.FetchStreamStateAsync(id, cancellationToken);
            if (state is null || state.Version != version)
            {
                wrong.Add($"{id}: document {version}, stream {state?.Version}");
            }
        }

        wrong.Count.ShouldBe(0, string.Join("; ", wrong.Take(5)));
    }
}
