using Koperasi.ServiceDefaults.Identity;
using Koperasi.Testing;

namespace Koperasi.EndToEnd.Tests;

/// <summary>
/// The corpus of malformed requests (<see cref="MalformedRequests"/>) through the real gateway to
/// the real services: every write endpoint of the Registry, Transformation and Funding (read from
/// each service's endpoint data source) gets one request per kind of breakage, and every read
/// endpoint each corpus query. None gets a 5xx, every 4xx is a problem, and nothing is stored.
/// </summary>
[Collection(ReadmePlatformCollection.Name)]
public sealed class MalformedThroughGatewayTests(ReadmePlatform platform)
{
    [Fact]
    public async Task No_malformed_request_through_the_gateway_gets_a_server_error_or_stores_anything()
    {
        var services = new (string Name, IServiceProvider Services, string Schema)[]
        {
            ("registry", platform.Registry.Services, platform.Registry.Schema),
            ("transformation", platform.Transformation.Services, platform.Transformation.Schema),
            ("funding", platform.Funding.Services, platform.Funding.Schema),
        };
        var writes = services.SelectMany(s => Sampled(MalformedRequests.ForWrites(s.Services))).ToList();
        var reads = services.SelectMany(s => MalformedRequests.ForReads(s.Services)).ToList();
        // Every write endpoint and every kind of breakage the full corpus has is still sent.
        var all = services.SelectMany(s => MalformedRequests.ForWrites(s.Services)).ToList();
        writes.Select(r => (r.Method, Route(r.Url))).Distinct().Count().ShouldBe(all.Select(r => (r.Method, Route(r.Url))).Distinct().Count());
        writes.Select(r => Kind(r.Breaks)).Distinct().Order().ShouldBe(all.Select(r => Kind(r.Breaks)).Distinct().Order());
        writes.Count.ShouldBeGreaterThan(100);
        var before = await StoredAsync(services);

        using var client = new HttpClient { BaseAddress = platform.GatewayAddress }.As(KoperasiRoles.AdminProvinsi);
        var failures = await MalformedRequests.FailuresAsync(client, writes.Concat(reads));

        failures.ShouldBeEmpty(string.Join("\n", failures.Take(40)));
        (await StoredAsync(services)).ShouldBe(before, "a malformed request through the gateway stored something");
    }

    // One request per endpoint and kind of breakage ("a huge string" once per endpoint, not once per field).
    private static IEnumerable<MalformedRequest> Sampled(IEnumerable<MalformedRequest> corpus) =>
        corpus.GroupBy(r => (r.Method, r.Url, Kind(r.Breaks))).Select(g => g.First());

    // A whole body's breakage as named; a field's without the field ("null in name" is "null").
    private static string Kind(string breaks) =>
        MalformedRequests.WholeBodies.Any(b => b.Breaks == breaks) ? breaks : breaks.Split(" in ", 2)[0];

    private static string Route(string url) =>
        System.Text.RegularExpressions.Regex.Replace(url, "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "{id}");

    // Events and documents in the three schemas, once they stopped changing (the seeding's messages settle).
    private static async Task<long[]> StoredAsync((string Name, IServiceProvider Services, string Schema)[] services)
    {
        long[]? previous = null;
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var counts = new long[services.Length];
            for (var i = 0; i < services.Length; i++)
            {
                counts[i] = await MalformedRequests.StoredRowsAsync(TestInfrastructure.TestDatabase(services[i].Name), services[i].Schema);
            }

            if (previous is not null && previous.SequenceEqual(counts))
            {
                return counts;
            }

            previous = counts;
            await Task.Delay(500);
        }

        return previous!;
    }
}
