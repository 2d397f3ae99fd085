extern alias funding;

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using funding::Koperasi.Funding.Applicants;
using funding::Koperasi.Funding.Applications;
using funding::Koperasi.Funding.Programmes;
using Koperasi.ServiceDefaults.Decisions;
using Koperasi.ServiceDefaults.Identity;
using Koperasi.ServiceDefaults.Persistence;
using Koperasi.ServiceDefaults.PersonalData;
using Koperasi.Testing;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Koperasi.Benchmarks.Engines;

/// <summary>
/// P5, the hot stream: officers decree grants on one programme at once, each a batch of one
/// eligible application, as <c>DecreeConcurrencyTests</c> does: If-Match with the ETag of the
/// officer's last answer (the programme read once, and again only after a 409), a lost race read
/// again and retried. Counted: batches decreed per second. The anchor: as
/// many PostgreSQL clients updating one row, each update its own transaction.
/// </summary>
public sealed class HotStreamBenchmark(BenchmarkDatabase database, BenchmarkOptions options)
{
    /// <summary>The applications' and the decrees' day, inside the programme's window, as the Funding tests' clock.</summary>
    private static readonly DateOnly Today = new(2026, 3, 10);

    public async Task<EngineFigure> RunAsync(string entityPrefix, CancellationToken cancellationToken)
    {
        var duration = TimeSpan.FromSeconds(options.CommandSeconds);
        await using var host = new FundingHost($"bench{entityPrefix.Replace("-", "", StringComparison.Ordinal)}");
        _ = host.Server;
        using var client = host.CreateClient().As(KoperasiRoles.AdminProvinsi);
        var programmeId = await OpenProgrammeAsync(client, cancellationToken);
        var rates = new List<double>();
        var raws = new List<double>();
        var conflicts = 0L;
        var reads = 0L;
        for (var run = 0; run < options.Runs; run++)
        {
            // More than the officers can decree in the time, so none runs dry.
            var applications = new System.Collections.Concurrent.ConcurrentQueue<Guid>(
                await EligibleAsync(host.Services, programmeId, Math.Max(200, options.CommandSeconds * 400)));
            var decreed = 0L;
            var watch = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, options.Connections).Select(async _ =>
            {
                // An officer reads the programme once, then keeps the ETag of its last answer (ADR 0029 accepts
                // one that only decree batches have passed) and reads again only after a 409.
                long? version = null;
                // A rate needs one decree at least, however loaded the machine.
                while ((watch.Elapsed < duration || Interlocked.Read(ref decreed) == 0) && applications.TryDequeue(out var application))
                {
                    while (true)
                    {
                        if (version is null)
                        {
                            version = await VersionAsync(client, programmeId, cancellationToken);
                            Interlocked.Increment(ref reads);
                        }

                        using var response = await IfMatch.PostAsync(client, $"/api/funding/programmes/{programmeId}/decree-batches", Batch(application), version);
                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            version = VersionOf(response.Headers.ETag);
                            Interlocked.Increment(ref decreed);
                            break;
                        }

                        if (response.StatusCode != HttpStatusCode.Conflict)
                        {
                            throw new InvalidOperationException($"A decree batch answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
                        }

                        version = null;
                        Interlocked.Increment(ref conflicts);
                    }
                }
            }));
            rates.Add(decreed / watch.Elapsed.TotalSeconds);
            raws.Add(await HotRowUpdatesPerSecondAsync(options.Connections, duration, cancellationToken));
            System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  P5 run {run + 1}: {rates[^1]:F0} decrees/s on one programme at {options.Connections} officers ({conflicts} lost races, {reads} reads of the programme so far); raw hot-row updates {raws[^1]:F0}/s"));
        }

        var rate = EngineBenchmark.Median(rates);
        var raw = EngineBenchmark.Median(raws);
        return new EngineFigure("P5", $"decree batches on one programme, {options.Connections} officers at once", "/s", rate, raw,
            $"raw PostgreSQL updates of one row, {options.Connections} clients", "≥ 50 % of raw", rate / raw >= 0.5,
            string.Create(CultureInfo.InvariantCulture, $"{options.Runs} runs of {options.CommandSeconds} s: {string.Join(", ", rates.Select(r => r.ToString("F0", CultureInfo.InvariantCulture)))} against {string.Join(", ", raws.Select(r => r.ToString("F0", CultureInfo.InvariantCulture)))}; {conflicts} lost races retried; {reads} reads of the programme (each officer keeps the ETag of its last answer)"));
    }

    private static long VersionOf(System.Net.Http.Headers.EntityTagHeaderValue? etag) =>
        long.Parse(etag?.Tag.Trim('"') ?? throw new InvalidOperationException("An answer without an ETag."), CultureInfo.InvariantCulture);

    private static async Task<long> VersionAsync(HttpClient client, Guid programmeId, CancellationToken cancellationToken)
    {
        using var read = await client.GetAsync(new Uri($"/api/funding/programmes/{programmeId}", UriKind.Relative), cancellationToken);
        return read.IsSuccessStatusCode ? VersionOf(read.Headers.ETag) : throw new InvalidOperationException($"Reading the programme answered {(int)read.StatusCode}.");
    }

    private async Task<double> HotRowUpdatesPerSecondAsync(int clients, TimeSpan duration, CancellationToken cancellationToken)
    {
        var schema = $"{database.Schema}_hot";
        await database.ExecuteAsync($"drop schema if exists {schema} cascade; create schema {schema}; create table {schema}.budget (id int primary key, decreed numeric not null, version bigint not null); insert into {schema}.budget values (1, 0, 0);");
        try
        {
            var updated = 0L;
            var watch = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
            {
                await using var connection = new NpgsqlConnection(database.ConnectionString);
                await connection.OpenAsync(cancellationToken);
                await using var command = new NpgsqlCommand($"update {schema}.budget set decreed = decreed + 20000000, version = version + 1 where id = 1", connection);
                while (watch.Elapsed < duration)
                {
                    await command.ExecuteNonQueryAsync(cancellationToken);
                    Interlocked.Increment(ref updated);
                }
            }));
            return updated / watch.Elapsed.TotalSeconds;
        }
        finally
        {
            await database.ExecuteAsync($"drop schema if exists {schema} cascade");
        }
    }

    private static async Task<Guid> OpenProgrammeAsync(HttpClient client, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["year"] = Today.Year,
            ["name"] = "Dumisake benchmark",
            ["budget"] = 1_000_000_000_000_000m,
            ["targetRecipients"] = 100,
            ["categories"] = new JsonArray(new JsonObject { ["code"] = "wirausaha-pemula", ["name"] = "Wirausaha pemula", ["amount"] = 20_000_000 }),
            ["referenceDate"] = $"{Today.Year}-01-01",
            ["window"] = new JsonObject { ["opens"] = $"{Today.Year}-01-01", ["closes"] = $"{Today.Year}-12-31" },
        };
        using var content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/api/funding/programmes", UriKind.Relative), content, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return response.StatusCode == HttpStatusCode.Created
            ? Guid.Parse(JsonNode.Parse(text)!["id"]!.GetValue<string>())
            : throw new InvalidOperationException($"Opening the benchmark's programme answered {(int)response.StatusCode}: {text}");
    }

    private static JsonObject Batch(Guid application) => new()
    {
        ["decreeNumber"] = $"188.4/{Guid.NewGuid():N}/KPTS/DISKOP",
        ["decreeDate"] = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["applicationIds"] = new JsonArray(application.ToString()),
    };

    /// <summary>
    /// Eligible applications written through the aggregate's own decisions, each applicant's record
    /// in the vault as a submission leaves it (as the Funding tests' seed does): the decrees are timed, not the flow before them.
    /// </summary>
    private static async Task<IReadOnlyList<Guid>> EligibleAsync(IServiceProvider services, Guid programmeId, int count)
    {
        await using var scope = services.CreateAsyncScope();
        var vault = scope.ServiceProvider.GetRequiredService<IPersonalDataVault>();
        var store = services.GetRequiredService<IDocumentStore>();
        await using var session = store.OpenSessionAs("system:benchmark");
        var programme = await session.LoadAsync<Programme>(programmeId) ?? throw new InvalidOperationException("No such programme.");
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var command = new SubmitApplicationCommand(
                Guid.CreateVersion7(), Guid.CreateVersion7(), new NikStructure.Parts(15, 7, Sex.Female), programme.Id, "wirausaha-pemula", Sex.Female,
                new DateOnly(1990, 7, 15), "1503", "Pelawan", Occupation.Trader, false, null, "Keripik", null);
            var events = new List<object>(Accepted(Application.Submit(command, programme, false, [], Today)));
            Application State() => events.Aggregate((Application?)null, Application.Fold)!;
            events.AddRange(Accepted(State().CheckDocuments(true, [], null, Today)));
            events.AddRange(Accepted(State().VerifyInField(new FieldVisit(Today, "Usaha ada", true, false, []), "system:benchmark", Today)));
            events.AddRange(Accepted(State().DecideEligibility(true, [], null, programme, [], Today)));
            session.Events.StartStream<Application>(command.ApplicationId, events);
            var nik = Nik(Interlocked.Increment(ref _niks));
            var record = new ApplicantRecord(nik, "Penerima Benchmark", "081200000000");
            vault.Store(session, command.ApplicantId, record, nik);
            session.Store(ApplicantCard.For(command.ApplicantId, record));
            ids.Add(command.ApplicationId);
        }

        await session.SaveChangesAsync();
        return ids;
    }

    private static int _niks;

    /// <summary>A well-formed NIK of a woman born 15 July 1990 in Sarolangun (1503), unique in the run; made up, never a citizen's.</summary>
    private static string Nik(int n) => string.Create(CultureInfo.InvariantCulture, $"1503{1 + (n / 9999 % 98):00}550790{1 + (n % 9999):0000}");

    private static IReadOnlyList<object> Accepted(Decision decision) =>
        decision.Error is null ? decision.Events : throw new InvalidOperationException(decision.Error.Detail);

    /// <summary>
    /// Funding in this process as its tests host it (clock on <see cref="Today"/>, its own schema and
    /// broker prefix, dropped at the end), without the bank's disbursement processing, writes unlimited.
    /// </summary>
    internal sealed class FundingHost(string name) : ServiceHost<funding::Program>("funding", name, new DateTimeOffset(Today, new TimeOnly(3, 0), TimeSpan.Zero))
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            With("RateLimits:WritesPerMinute", "100000000");
            With("Bank:Processing", "false");
            With("Bank:BaseAddress", "http://127.0.0.1:9");
            With("Logging:LogLevel:Default", "Warning");
            base.ConfigureWebHost(builder);
            builder.UseContentRoot(Path.Combine(SourceTree.Root, "services", "funding", "Koperasi.Funding"));
        }
    }
}
