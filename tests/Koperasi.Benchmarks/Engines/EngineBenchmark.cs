extern alias gateway;

using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Koperasi.ServiceDefaults.Identity;
using Koperasi.ServiceDefaults.Messaging;
using Koperasi.Testing;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Koperasi.Benchmarks.Engines;

/// <summary>One figure of the platform beside its raw anchor, both the median of the runs.</summary>
public sealed record EngineFigure(string Id, string Name, string Unit, double Platform, double? Raw, string RawName, string Target, bool? Met, string Detail)
{
    /// <summary>The platform's figure as a share of the raw anchor's.</summary>
    /// <remarks>None for times (ms, s): a latency beside its anchor is read side by side, not as a share.</remarks>
    public double? Share => Raw is > 0 && Unit is not ("ms" or "s") ? Platform / Raw : null;
}

/// <summary>
/// The figures of issue 15 ("Speed, measured against the raw engines"), each beside its raw anchor
/// measured in the same run on the same machine: P1 commands (registrations through the gateway
/// against raw appends), P3 rebuild (from the seed), P4 relay (catching up the backlog P1 left
/// against a raw confirmed publisher), P5 hot stream (<see cref="HotStreamBenchmark"/>).
/// </summary>
public sealed class EngineBenchmark(BenchmarkDatabase database, BenchmarkOptions options)
{
    private const string Regency = "1571";

    private readonly string _commandSchema = $"{database.Schema}_commands";

    /// <summary>Where one registration's time goes (Markdown), once P1 has run.</summary>
    public string? Profile { get; private set; }

    public async Task<IReadOnlyList<EngineFigure>> RunAsync(SeedResult seed, CancellationToken cancellationToken)
    {
        var figures = new List<EngineFigure>();
        var entityPrefix = $"bench-{TestInfrastructure.RunId}-engines";
        await database.ExecuteAsync($"drop schema if exists {_commandSchema} cascade");
        try
        {
            if (options.Measures("P1"))
            {
                figures.AddRange(await CommandsAsync(entityPrefix, cancellationToken));
            }

            if (options.Measures("P3"))
            {
                figures.Add(Rebuild(seed));
            }

            if (options.Measures("P4"))
            {
                figures.Add(await RelayAsync(entityPrefix, cancellationToken));
            }

            if (options.Measures("P2"))
            {
                figures.AddRange(await new PropagationBenchmark(database, options).RunAsync($"{entityPrefix}-p2", cancellationToken));
            }

            if (options.Measures("P5"))
            {
                figures.Add(await new HotStreamBenchmark(database, options).RunAsync(entityPrefix, cancellationToken));
            }
        }
        finally
        {
            await database.ExecuteAsync($"drop schema if exists {_commandSchema} cascade");
            await BrokerAdmin.DeleteEntitiesAsync(entityPrefix); // P2's "<prefix>-p2" too
        }

        return figures;
    }

    /// <summary>
    /// P1: the Registry as an API replica (no daemon: the relay's catching up is P4) on its own schema,
    /// behind the gateway, both on loopback ports. Per run: one connection's registrations straight to
    /// the service (p50), then <see cref="BenchmarkOptions.Connections"/> connections through the
    /// gateway for <see cref="BenchmarkOptions.CommandSeconds"/>, then the raw appends for as long.
    /// </summary>
    private async Task<IReadOnlyList<EngineFigure>> CommandsAsync(string entityPrefix, CancellationToken cancellationToken)
    {
        await using var registry = new BenchmarkHost(_commandSchema, entityPrefix, new Dictionary<string, string?>
        {
            // The write limit is per caller; the benchmark is one caller sending as fast as it can.
            ["RateLimits:WritesPerMinute"] = "100000000",
        });
        var registryAddress = Start(registry);
        await registry.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
        await using var gateway = new GatewayHost(registryAddress);
        var gatewayAddress = Start(gateway);

        var duration = TimeSpan.FromSeconds(options.CommandSeconds);
        var singles = new List<double>();
        var rates = new List<double>();
        var raws = new List<double>();
        var errors = 0L;
        var cpu = new List<(double Process, double PostgreSql)>();
        using var direct = Client(registryAddress, 1);
        using var front = Client(gatewayAddress, options.Connections);
        for (var i = 0; i < options.Warmup * 4; i++)
        {
            await RegisterAsync(front, cancellationToken);
            await RegisterAsync(direct, cancellationToken);
        }

        Profile = await RegistrationProfile.RunAsync(direct, front, _commandSchema, options.Iterations, cancellationToken);

        for (var run = 0; run < options.Runs; run++)
        {
            var samples = new List<double>(options.Iterations);
            for (var i = 0; i < options.Iterations; i++)
            {
                var started = Stopwatch.GetTimestamp();
                errors += await RegisterAsync(direct, cancellationToken) ? 0 : 1;
                samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            singles.Add(Median(samples));
            var registered = 0L;
            var cpuBefore = CpuTime.Now();
            var watch = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, options.Connections).Select(async _ =>
            {
                // A rate needs one registration at least, however loaded the machine.
                while (watch.Elapsed < duration || Interlocked.Read(ref registered) == 0)
                {
                    if (await RegisterAsync(front, cancellationToken))
                    {
                        Interlocked.Increment(ref registered);
                    }
                    else
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
            }));
            rates.Add(registered / watch.Elapsed.TotalSeconds);
            cpu.Add((CpuTime.Now() - cpuBefore).PerUnit(registered));
            raws.Add(await RawEngines.AppendsPerSecondAsync(database.ConnectionString, $"{database.Schema}_raw", options.Connections, duration, cancellationToken));
            System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  P1 run {run + 1}: one registration p50 {singles[^1]:F1} ms; {rates[^1]:F0} registrations/s at {options.Connections} connections through the gateway; raw appends {raws[^1]:F0}/s; CPU per registration {cpu[^1].Process:F2} ms here, {cpu[^1].PostgreSql:F2} ms in PostgreSQL"));
        }

        if (errors > 0)
        {
            throw new InvalidOperationException($"{errors} registrations were not accepted during P1: the figures would not be the command path's.");
        }

        var rate = Median(rates);
        var raw = Median(raws);
        var single = Median(singles);
        return
        [
            new EngineFigure("P1", $"registrations through the gateway, {options.Connections} connections", "/s", rate, raw,
                $"raw PostgreSQL appends (insert event + stream version, one transaction), {options.Connections} clients", "≥ 15 % of raw", rate / raw >= 0.15,
                $"{options.Runs} runs of {options.CommandSeconds} s: {Join(rates, "F0")} against {Join(raws, "F0")}; {CpuTime.Describe(cpu, "registration")}"),
            new EngineFigure("P1", "one registration, one connection, on the service: p50", "ms", single, null, "", "≤ 5 ms", single <= 5,
                $"{options.Runs} runs of {options.Iterations}: p50 {Join(singles, "F1")} ms"),
        ];
    }

    /// <summary>P3: the statistics projection replayed over every event of the seeded register.</summary>
    private static EngineFigure Rebuild(SeedResult seed)
    {
        var time = seed.ProjectionTime ?? throw new InvalidOperationException("The statistics projection was not rebuilt: P3 needs it.");
        var rate = seed.Events / time.TotalSeconds;
        return new EngineFigure("P3", $"statistics projection rebuilt over {seed.Cooperatives:N0} koperasi", "events/s", rate, null, "", "≥ 75,000 events/s", rate >= 75_000,
            string.Create(CultureInfo.InvariantCulture, $"{seed.Events:N0} events in {time.TotalSeconds:F1} s (one run: a rebuild at the seeded size is not cheap)"));
    }

    /// <summary>
    /// P4: the backlog P1 left (its registrations, never relayed: no daemon ran) is published by a
    /// Registry whose daemon runs (Solo), counted by the relay's own meter from its first publish to
    /// its last; then the relay's position is reset and the next run publishes it all again. The raw
    /// anchor publishes as many messages of the same size with RabbitMQ.Client, many in flight,
    /// confirmed together.
    /// </summary>
    private async Task<EngineFigure> RelayAsync(string entityPrefix, CancellationToken cancellationToken)
    {
        var rates = new List<double>();
        var raws = new List<double>();
        var published = 0L;
        for (var run = 0; run < options.Runs; run++)
        {
            await database.ExecuteAsync($"delete from {_commandSchema}.mt_event_progression where name like '{IntegrationEventRelay.SubscriptionName}%'");
            var highWater = await database.ScalarAsync<long>($"select coalesce(max(seq_id), 0) from {_commandSchema}.mt_events");
            using var counter = new PublishCounter();
            await using (var host = new BenchmarkHost(_commandSchema, entityPrefix, new Dictionary<string, string?> { ["Marten:DaemonMode"] = "Solo" }))
            {
                _ = host.Server;
                var deadline = Stopwatch.StartNew();
                while (await RelayPositionAsync() < highWater)
                {
                    if (deadline.Elapsed > TimeSpan.FromMinutes(10))
                    {
                        throw new TimeoutException($"The relay did not catch up {highWater:N0} events in 10 minutes.");
                    }

                    await Task.Delay(50, cancellationToken);
                }
            }

            published = counter.Count;
            rates.Add(counter.Rate);
            raws.Add(await RawEngines.ConfirmedPublishesPerSecondAsync($"{entityPrefix}.raw-confirmed", (int)Math.Max(published, 1000), 1024, 256, cancellationToken));
            System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  P4 run {run + 1}: relay {counter.Count:N0} integration events at {rates[^1]:F0}/s; raw confirmed publisher {raws[^1]:F0}/s"));
        }

        var rate = Median(rates);
        var raw = Median(raws);
        return new EngineFigure("P4", $"relay catching up a backlog of {published:N0} integration events", "/s", rate, raw,
            "raw confirmed publisher (RabbitMQ.Client, 256 in flight, 1 KiB persistent messages)", "≥ 50 % of raw", rate / raw >= 0.5,
            $"{options.Runs} runs: {Join(rates, "F0")} against {Join(raws, "F0")}");
    }

    private async Task<long> RelayPositionAsync() =>
        await database.ScalarAsync<long?>($"select max(last_seq_id) from {_commandSchema}.mt_event_progression where name like '{IntegrationEventRelay.SubscriptionName}%'") ?? 0;

    /// <summary>Registers one new koperasi; false when the service did not answer 201.</summary>
    private static async Task<bool> RegisterAsync(HttpClient client, CancellationToken cancellationToken) =>
        await RegisterNewAsync(client, cancellationToken) is not null;

    /// <summary>Registers one new koperasi; its id, or null when the service did not answer 201.</summary>
    internal static async Task<Guid?> RegisterNewAsync(HttpClient client, CancellationToken cancellationToken)
    {
        var decree = $"{Guid.NewGuid():N}/BH/XIV.10/2021";
        var body = $$"""
            {"name":"Koperasi Benchmark {{decree[..8]}}","form":"primer","type":"konsumen","supervisionLevel":"kabupaten-kota",
             "address":{"street":"Jl. Jenderal Sudirman 8","kecamatan":"Jambi Selatan","regencyCode":"{{Regency}}"},
             "legalEntity":{"decreeNumber":"{{decree}}","decreeDate":"2021-02-01"},
             "foundingMembers":21,"memberCount":45,"businessField":"Warung serba ada",
             "board":[{"name":"Dewi Lestari","position":"ketua"}],
             "ratHistory":[{"financialYear":2021,"heldOn":"2022-03-05","membersPresent":34,"membersTotal":45,"mode":"in-person"},
                           {"financialYear":2022,"heldOn":"2023-03-04","membersPresent":34,"membersTotal":45,"mode":"in-person"},
                           {"financialYear":2023,"heldOn":"2024-03-02","membersPresent":34,"membersTotal":45,"mode":"in-person"}]}
            """;
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/api/registry/cooperatives", UriKind.Relative), content, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Created && response.Headers.Location is { } location)
        {
            return Guid.Parse(location.OriginalString[(location.OriginalString.LastIndexOf('/') + 1)..]);
        }

        System.Console.Error.WriteLine($"  registration answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        return null;
    }

    internal static HttpClient Client(Uri address, int connections)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromMinutes(1),
        };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(KoperasiRoles.AdminProvinsi));
        return client;
    }

    /// <summary>Starts a hosted service on a loopback port of its own (Kestrel, not the in-memory test server).</summary>
    internal static Uri Start<TProgram>(WebApplicationFactory<TProgram> host) where TProgram : class
    {
        host.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        host.StartServer();
        return new Uri(host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Join(IEnumerable<double> values, string format) =>
        string.Join(", ", values.Select(v => v.ToString(format, CultureInfo.InvariantCulture)));

    /// <summary>The gateway in front of the benchmark's Registry, in Production, on the run's signing key.</summary>
    private sealed class GatewayHost(Uri registry) : WebApplicationFactory<gateway::Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseContentRoot(AppContext.BaseDirectory);
            builder.UseSetting("Services:Registry", registry.ToString());
            builder.UseSetting("Auth:Issuer", TestTokens.Issuer);
            builder.UseSetting("Auth:Audience", TestTokens.Audience);
            builder.UseSetting("Auth:SigningKey", TestTokens.SigningKey);
            builder.UseSetting("RateLimits:WritesPerMinute", "100000000");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        }
    }

    /// <summary>Counts the relay's publishes (its meter <c>koperasi.relay.published</c>) with the time of the first and the last.</summary>
    private sealed class PublishCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _count;
        private long _first;
        private long _last;

        public PublishCounter()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "Koperasi.Relay" && instrument.Name == "koperasi.relay.published")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) =>
            {
                var now = Stopwatch.GetTimestamp();
                Interlocked.CompareExchange(ref _first, now, 0);
                Interlocked.Exchange(ref _last, now);
                Interlocked.Add(ref _count, value);
            });
            _listener.Start();
        }

        public long Count => Interlocked.Read(ref _count);

        /// <summary>Publishes per second from the first to the last.</summary>
        public double Rate => Count < 2 ? 0 : Count / Stopwatch.GetElapsedTime(_first, _last).TotalSeconds;

        public void Dispose() => _listener.Dispose();
    }
}
