extern alias registry;
extern alias transformation;

using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Koperasi.Registry.Tests.Demo;
using Koperasi.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Koperasi.EndToEnd.Tests;

/// <summary>
/// The full demo data sets as ./run.sh loads them, loaded once for the collection (<see cref="FullDemo"/>):
/// the Registry's tool (the register of 29 August 2025 and the koperasi of the 2018 batch the ministry
/// approved), then, once the Transformation service has learned the register, the Transformation's tool
/// (the 2018 batch: 611 cases, one batch, the answers, the liquidation of the approved). Both tools run
/// as processes, against the hosts' own stores; the Registry learns the dissolutions over the bus. The
/// reconciliation gives the published 2018 figures, the statistics of 29 August 2025 are the published
/// table again, and every other published figure is read through the API on the same load
/// (DemoDataPublishedFiguresTests.cs, the other part of this class). The reference subscriber runs on
/// the same load (ReferenceSubscriberTests): its changes all take effect after 29 August 2025, and the
/// register's counts read here are those the fixture read before any test ran.
/// </summary>
[Collection(FullDemoCollection.Name)]
public sealed partial class Demo2018BatchTests(Demo2018BatchTests.FullDemo demo)
{
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromMinutes(8);
    private static readonly TimeSpan CatchUp = TimeSpan.FromMinutes(5);

    private HttpClient Client => demo.Registry;

    [Fact]
    public async Task The_2018_batch_reconciles_to_the_published_figures_and_the_register_of_29_August_2025_is_unchanged()
    {
        var registry = demo.Registry;
        var transformation = demo.Transformation;
        var published = PublishedTable();
        var (proposed, approved, approvedByRegency) = PublishedFigures.DissolutionBatch2018();
        // The register of 29 August 2025, the approved of 2018 and whatever else the Registry's set holds (other published snapshots).
        demo.RegistryOutput.ShouldContain($"{demo.Registered} koperasi registered, 0 rejected");
        demo.Registered.ShouldBeGreaterThanOrEqualTo(published.Sum(r => r.Aktif + r.TidakAktif) + approved);

        var batchId = Guid.Parse(BatchLine().Match(demo.TransformationOutput).Groups[1].Value);
        demo.TransformationOutput.ShouldContain($"{proposed} proposed, {approved} dissolved, {proposed - approved} held back");

        // The reconciliation: the published proposed and approved, and the approved of every regency.
        var reconciliation = await Api.GetAsync(transformation, $"/api/transformation/dissolution-batches/{batchId}/reconciliation");
        (reconciliation["proposed"]!.GetValue<int>(), reconciliation["approved"]!.GetValue<int>(), reconciliation["rejected"]!.GetValue<int>())
            .ShouldBe((proposed, approved, 0));
        (reconciliation["documentsNeeded"]!.GetValue<int>() + reconciliation["pending"]!.GetValue<int>()).ShouldBe(proposed - approved);
        reconciliation["documentsNeeded"]!.GetValue<int>().ShouldBeGreaterThan(0, "some files wait for the original deed");
        reconciliation["pending"]!.GetValue<int>().ShouldBeGreaterThan(0, "some files were held back for government aid");
        reconciliation["mismatches"]!.AsArray().ShouldBeEmpty();
        var rows = reconciliation["byRegency"]!.AsArray().ToDictionary(r => Api.Text(r!["regencyCode"]), r => r!["approved"]!.GetValue<int>());
        foreach (var (code, count) in approvedByRegency)
        {
            rows.GetValueOrDefault(code).ShouldBe(count, $"approved in regency {code}");
        }

        // The Registry records the approved dissolved over the bus (the fixture waited for it), effective 2019; the table of 29 August 2025 is the published one.
        demo.DissolvedBy[""].ShouldBe(demo.DissolvedBefore + approved);
        Rows(await Api.GetAsync(registry, "/api/registry/statistics/regencies?asOf=2025-08-29")).ShouldBe(published);
        (await Api.GetAsync(registry, "/api/registry/statistics?asOf=2025-08-29"))["total"]!.GetValue<int>().ShouldBe(published.Sum(r => r.Aktif + r.TidakAktif));

        // Each is dissolved by the government's decision, with liquidation, effective 2019, and keeps its history.
        var one = await Register.ReadAsync(registry, demo.FirstDissolved);
        (Api.Text(one["dissolution"]!["reason"]), one["dissolution"]!["withoutLiquidation"]!.GetValue<bool>(), Api.Text(one["dissolution"]!["effectiveOn"])[..4])
            .ShouldBe(("government", false, "2019"));
        (await Register.HistoryAsync(registry, demo.FirstDissolved))[^1].ShouldBe("cooperative-dissolved");

        // A second run adds nothing.
        (await RunToolAsync("Koperasi.Transformation.DemoData", demo.TransformationConfiguration)).ShouldContain("not loaded");
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"Registry demo loaded after {demo.RegistryLoaded.TotalSeconds:F0} s, learned by Transformation after {demo.Learned.TotalSeconds:F0} s, " +
            $"2018 batch loaded after {demo.BatchLoaded.TotalSeconds:F0} s, register and statistics caught up after {demo.CaughtUp.TotalSeconds:F0} s.");
    }

    /// <summary>
    /// The whole demo as ./run.sh loads it, once for the collection: the Registry and Transformation
    /// hosts on their own stores and in a broker vhost of their own without a name prefix (so a
    /// subscriber onboarded by deploy/subscriber.sh has its production permissions), the Registry's
    /// tool, the Transformation's once it has learned the register, the register's dissolutions and
    /// statistics caught up, and the register's counts read before any test changes it.
    /// </summary>
    public sealed class FullDemo : IAsyncLifetime
    {
        private ServiceHost<registry::Program>? _registryHost;
        private ServiceHost<transformation::Program>? _transformationHost;

        public OwnVirtualHost VirtualHost { get; private set; } = null!;

        public ServiceHost<registry::Program> RegistryHost => _registryHost!;

        public HttpClient Registry { get; private set; } = null!;

        public HttpClient Transformation { get; private set; } = null!;

        public IConfiguration TransformationConfiguration { get; private set; } = null!;

        public string RegistryOutput { get; private set; } = "";

        public string TransformationOutput { get; private set; } = "";

        public int Registered { get; private set; }

        public long DissolvedBefore { get; private set; }

        /// <summary>The dissolved of each of <see cref="RegisterFilters"/> before the 2018 batch.</summary>
        public Dictionary<string, long> DissolvedBeforeBy { get; } = [];

        /// <summary>The koperasi of each of <see cref="RegisterFilters"/> once the demo is loaded.</summary>
        public Dictionary<string, long> CountBy { get; } = [];

        /// <summary>The dissolved of each of <see cref="RegisterFilters"/> once the demo is loaded.</summary>
        public Dictionary<string, long> DissolvedBy { get; } = [];

        /// <summary>The first dissolved koperasi of the register (by name) once the demo is loaded.</summary>
        public Guid FirstDissolved { get; private set; }

        public TimeSpan RegistryLoaded { get; private set; }

        public TimeSpan Learned { get; private set; }

        public TimeSpan BatchLoaded { get; private set; }

        public TimeSpan CaughtUp { get; private set; }

        public async ValueTask InitializeAsync()
        {
            var watch = Stopwatch.StartNew();
            VirtualHost = await OwnVirtualHost.CreateAsync("demo2018", "registry", "transformation");
            // The replay to one subscriber sends the demo's history in seconds rather than a minute.
            var registryHost = await Hosts.StartAsync(VirtualHost.Place(Hosts.Registry("demo2018"))
                .With("SubscriberReplay:PollInterval", "00:00:00.200").With("SubscriberReplay:Batch", "2000"));
            _registryHost = registryHost;
            var transformationHost = await Hosts.StartAsync(VirtualHost.Place(Hosts.Transformation("demo2018")));
            _transformationHost = transformationHost;
            Registry = registryHost.CreateClient();
            Transformation = transformationHost.CreateClient();
            TransformationConfiguration = transformationHost.Services.GetRequiredService<IConfiguration>();

            RegistryOutput = await RunToolAsync("Koperasi.Registry.DemoData", registryHost.Services.GetRequiredService<IConfiguration>());
            Registered = int.Parse(RegisteredLine().Match(RegistryOutput).Groups[1].Value, CultureInfo.InvariantCulture);
            RegistryLoaded = watch.Elapsed;

            await Eventually.UntilAsync(
                async () => (await Api.GetAsync(Transformation, "/api/transformation/cooperatives?pageSize=1"))["totalCount"]!.GetValue<int>() >= Registered,
                "the Transformation service to learn the register", CatchUp);
            Learned = watch.Elapsed;

            DissolvedBefore = await CountAsync(Registry, "legalStatus=dissolved");
            foreach (var filter in RegisterFilters)
            {
                DissolvedBeforeBy[filter] = await CountAsync(Registry, $"{filter}&legalStatus=dissolved");
            }

            TransformationOutput = await RunToolAsync("Koperasi.Transformation.DemoData", TransformationConfiguration);
            BatchLoaded = watch.Elapsed;

            var approved = PublishedFigures.DissolutionBatch2018().Approved;
            var published = PublishedTable();
            await Eventually.UntilAsync(
                async () => await CountAsync(Registry, "legalStatus=dissolved") == DissolvedBefore + approved,
                "the register to record the 2018 dissolutions", CatchUp);
            await Eventually.UntilAsync(
                async () => Rows(await Api.GetAsync(Registry, "/api/registry/statistics/regencies?asOf=2025-08-29")).SequenceEqual(published),
                "the statistics of 29 August 2025 to be the published table", CatchUp);
            CaughtUp = watch.Elapsed;

            foreach (var filter in RegisterFilters)
            {
                CountBy[filter] = await CountAsync(Registry, filter);
                DissolvedBy[filter] = await CountAsync(Registry, $"{filter}&legalStatus=dissolved");
            }

            FirstDissolved = Api.Id((await Api.GetAsync(Registry, "/api/registry/cooperatives?legalStatus=dissolved&pageSize=1"))["items"]![0]);
        }

        public async ValueTask DisposeAsync()
        {
            Registry?.Dispose();
            Transformation?.Dispose();
            if (_transformationHost is not null)
            {
                await _transformationHost.DisposeAsync();
            }

            if (_registryHost is not null)
            {
                await _registryHost.DisposeAsync();
            }

            if (VirtualHost is not null)
            {
                await VirtualHost.DisposeAsync();
            }
        }
    }

    /// <summary>Runs a demo tool as ./run.sh does, on the host's store (its connection and schema); its standard output.</summary>
    private static async Task<string> RunToolAsync(string tool, IConfiguration host)
    {
        var directory = Path.Combine(SourceTree.Root, "tools", tool, "bin", "Release", "net10.0");
        var start = new ProcessStartInfo("dotnet", $"{tool}.dll")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ConnectionStrings__Postgres"] = host.GetConnectionString("Postgres");
        start.Environment["Marten__Schema"] = host["Marten:Schema"];
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(ToolTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        process.ExitCode.ShouldBe(0, $"{tool}: {await output}\n{await errors}");
        return await output;
    }

    private static async Task<long> CountAsync(HttpClient client, string filter) =>
        (await Api.GetAsync(client, $"/api/registry/cooperatives?pageSize=1&{filter}"))["totalCount"]!.GetValue<long>();

    /// <summary>The table of 29 August 2025 from the copy of published-figures.md (Demo/).</summary>
    private static List<(string Code, int Aktif, int TidakAktif)> PublishedTable() =>
    [
        .. TableRow().Matches(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Demo", "published-figures.md")))
            .Select(m => (m.Groups["code"].Value, int.Parse(m.Groups["aktif"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["tidak"].Value, CultureInfo.InvariantCulture)))
            .DistinctBy(r => r.Item1)
            .OrderBy(r => r.Item1, StringComparer.Ordinal),
    ];

    private static List<(string Code, int Aktif, int TidakAktif)> Rows(JsonObject table) =>
    [
        .. table["rows"]!.AsArray()
            .Select(r => (r!["regencyCode"]!.GetValue<string>(), r["aktif"]!.GetValue<int>(), r["tidakAktif"]!.GetValue<int>()))
            .OrderBy(r => r.Item1, StringComparer.Ordinal),
    ];

    [GeneratedRegex(@"^\| (?<code>15\d\d) \| [^|]+ \| (?<aktif>\d+) \| (?<tidak>\d+) \|", RegexOptions.Multiline)]
    private static partial Regex TableRow();

    [GeneratedRegex(@"(\d+) koperasi registered")]
    private static partial Regex RegisteredLine();

    [GeneratedRegex(@"batch ([0-9a-f-]{36})")]
    private static partial Regex BatchLine();
}

[CollectionDefinition(Name)]
public sealed class FullDemoCollection : ICollectionFixture<Demo2018BatchTests.FullDemo>
{
    public const string Name = "full demo";
}
