extern alias registry;
extern alias transformation;

using System.Net;
using System.Text.Json.Nodes;
using Koperasi.FakeMinistry;
using Koperasi.ServiceDefaults.Identity;
using Koperasi.Testing;
using MassTransit;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Koperasi.EndToEnd.Tests;

/// <summary>
/// The Registry and Transformation on loopback ports behind the gateway, with a fake ministry, on
/// clocks of their own that the dissolution's months move together (so not the shared platform's).
/// </summary>
public class DissolutionPlatform : IAsyncLifetime
{
    private readonly string _name;

    public DissolutionPlatform()
        : this("dissolution")
    {
    }

    /// <summary>A platform of its own: <paramref name="name"/> names its schemas and broker entities.</summary>
    protected DissolutionPlatform(string name)
    {
        _name = name;
        Registry = Hosts.Registry(name);
    }

    public ServiceHost<registry::Program> Registry { get; }

    public ServiceHost<transformation::Program> Transformation { get; private set; } = null!;

    public FakeMinistryServer Ministry { get; private set; } = null!;

    public ReadmePlatform.FrontDoor Gateway { get; private set; } = null!;

    /// <summary>An officer of the province (admin-provinsi) at the gateway, as the README's calls are made.</summary>
    public HttpClient Officer { get; private set; } = null!;

    public virtual async ValueTask InitializeAsync()
    {
        Ministry = await FakeMinistryServer.StartAsync("http://127.0.0.1:0");
        Transformation = Hosts.Transformation(_name).With("Ministry:BaseAddress", Ministry.Address.ToString());
        var transformation = await ListenAsync(Transformation);
        var registry = await ListenAsync(Registry);
        Gateway = new ReadmePlatform.FrontDoor(new Dictionary<string, string?>
        {
            ["Services:Registry"] = registry.ToString(),
            ["Services:Transformation"] = transformation.ToString(),
            // Funding takes no part here: turned off at the gateway.
            ["Services:Funding"] = "",
            ["RateLimits:WritesPerMinute"] = "1000000",
        });
        Gateway.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        Gateway.StartServer();
        Officer = new HttpClient { BaseAddress = AddressOf(Gateway.Services) }.As(KoperasiRoles.AdminProvinsi);
    }

    private static async Task<Uri> ListenAsync<TProgram>(ServiceHost<TProgram> host) where TProgram : class
    {
        host.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        host.StartServer();
        await host.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
        return AddressOf(host.Services);
    }

    private static Uri AddressOf(IServiceProvider services) =>
        new(services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    /// <summary>Moves every service's clock by the same time: no service runs ahead of another.</summary>
    public void Advance(TimeSpan by)
    {
        Registry.Clock.Advance(by);
        Transformation.Clock.Advance(by);
    }

    public virtual async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        Officer.Dispose();
        await Gateway.DisposeAsync();
        await Registry.DisposeAsync();
        await Transformation.DisposeAsync();
        await Ministry.DisposeAsync();
    }
}

/// <summary>
/// A government-path dissolution walked over HTTP through the gateway, as the acceptance asks: a
/// koperasi of the register without RATs found on its regency's candidate list, proposed from it,
/// verified, announced, sent to the ministry in a batch, noticed, approved by the ministry's answer,
/// liquidated and extinguished; the Registry records it dissolved by the government, with liquidation,
/// and its statistics count it gone from that day.
/// </summary>
public sealed class DissolutionTests(DissolutionPlatform platform) : IClassFixture<DissolutionPlatform>
{
    private const string Dissolutions = "/api/transformation/dissolutions";
    private const string Batches = "/api/transformation/dissolution-batches";

    private static Task<JsonObject> Step(HttpClient client, JsonObject @case, string step, JsonObject body) =>
        Api.SendAsync(client, HttpMethod.Post, $"{Dissolutions}/{Api.Id(@case)}/{step}", body, ifMatch: @case["version"]!.GetValue<long>());

    [Fact]
    public async Task A_government_dissolution_through_a_batch_and_the_ministry_ends_in_a_dissolved_koperasi_in_the_register()
    {
        // Every call goes through the gateway, as an officer's would.
        var registry = platform.Officer;
        var transformation = platform.Officer;
        // Eight hex characters: a run of ten or more digits would be refused as a bank account number in a name.
        var name = $"Koperasi Bubar {Guid.NewGuid():N}"[..23];
        var cooperative = await Register.RegisterAsync(registry, Register.Koperasi(name, 40, regency: "1504", withRats: false));
        await Cases.KnownAsync(transformation, (cooperative, name));

        // The regency's worklist: the koperasi without a RAT since its legal entity (2021), in no case.
        var candidates = await Api.GetAsync(transformation, $"{Dissolutions}/candidates?regency=1504");
        var candidate = candidates["items"]!.AsArray().Single(c => Api.Text(c!["cooperativeId"]) == cooperative.ToString())!;
        candidate["yearsWithoutRat"]!.GetValue<int>().ShouldBeGreaterThanOrEqualTo(candidates["noRatYears"]!.GetValue<int>());

        var proposed = await Api.SendAsync(transformation, HttpMethod.Post, $"{Dissolutions}/government", new JsonObject
        {
            ["cooperativeId"] = candidate["cooperativeId"]!.DeepClone(),
            ["proposedOn"] = "2026-03-02",
            ["grounds"] = new JsonArray(new JsonObject { ["kind"] = "no-rat", ["evidence"] = "BA verifikasi 12/DK/2026" }),
        }, HttpStatusCode.Created);
        (await Api.GetAsync(transformation, $"{Dissolutions}/candidates?regency=1504"))["items"]!.AsArray()
            .ShouldNotContain(c => Api.Text(c!["cooperativeId"]) == cooperative.ToString(), "a koperasi in an open case is no longer a candidate");
        var verified = await Step(transformation, proposed, "field-verification", new JsonObject
        {
            ["verifiedOn"] = "2026-03-10",
            ["letter"] = new JsonObject { ["number"] = "140/22/DS-2026", ["date"] = "2026-03-05", ["desa"] = "Desa Sungai Duren" },
        });
        var announced = await Step(transformation, verified, "announcement", new JsonObject { ["announcedOn"] = "2026-03-16" });
        var batch = await Api.SendAsync(transformation, HttpMethod.Post, Batches, new JsonObject
        {
            ["title"] = "Usulan pembubaran November 2026",
            ["caseIds"] = new JsonArray(Api.Id(announced)),
        }, HttpStatusCode.Created);
        var sent = await Api.SendAsync(transformation, HttpMethod.Post, $"{Batches}/{Api.Id(batch)}/sending", ifMatch: batch["version"]!.GetValue<long>());
        var atMinistry = await Api.GetAsync(transformation, $"{Dissolutions}/{Api.Id(announced)}");
        var noticed = await Step(transformation, atMinistry, "ministry-notice", new JsonObject { ["number"] = "B-112/KUKM/XI/2026", ["date"] = "2026-11-22" });

        platform.Advance(TimeSpan.FromDays(70));
        platform.Ministry.Script.Set(new ScriptedAnswer("approved", DecreeDate: new DateOnly(2027, 1, 25)), null, null);
        await Api.SendAsync(transformation, HttpMethod.Post, $"{Batches}/{Api.Id(batch)}/ministry-answers", ifMatch: sent["version"]!.GetValue<long>());
        var decided = await Api.GetAsync(transformation, $"{Dissolutions}/{Api.Id(noticed)}");
        Api.Text(decided["stage"]).ShouldBe("decided");

        var team = await Step(transformation, decided, "liquidation-team", new JsonObject { ["members"] = new JsonArray("Drs. Ahmad Yani"), ["namedOn"] = "2027-01-27" });
        var recorded = await Step(transformation, team, "creditors", new JsonObject { ["name"] = "Bank Jambi Cabang Muara Bulian", ["recordedOn"] = "2027-01-28" });
        var notified = await Step(transformation, recorded, "creditor-notifications", new JsonObject
        {
            ["creditorId"] = recorded["creditors"]![0]!["creditorId"]!.DeepClone(), ["notifiedOn"] = "2027-01-29",
        });
        platform.Advance(TimeSpan.FromDays(100));
        var settled = await Step(transformation, notified, "settlement", new JsonObject { ["settledOn"] = "2027-05-03" });
        var dissolved = await Step(transformation, settled, "extinction", new JsonObject { ["effectiveOn"] = "2027-05-10" });
        Api.Text(dissolved["stage"]).ShouldBe("dissolved");

        var gone = await Api.UntilAsync(() => Register.ReadAsync(registry, cooperative), c => Api.Text(c["legalStatus"]) == "dissolved", "the register to record the dissolution");
        var dissolution = gone["dissolution"]!;
        (Api.Text(dissolution["reason"]), dissolution["caseId"]!.GetValue<Guid>(), dissolution["withoutLiquidation"]!.GetValue<bool>(), Api.Text(dissolution["effectiveOn"]))
            .ShouldBe(("government", Api.Id(announced), false, "2027-05-10"));
        (await Register.HistoryAsync(registry, cooperative))[^1].ShouldBe("cooperative-dissolved");
        await Eventually.UntilAsync(
            async () => await Register.CountAsync(registry, "1504", "2027-05-10") - await Register.CountAsync(registry, "1504", "2027-05-09") == -1,
            "the register's statistics to count the dissolution");
        platform.Ministry.Registry.Batches.Count.ShouldBe(1);
        await Api.UntilAsync(
            () => Api.GetAsync(transformation, $"/api/transformation/cooperatives/{cooperative}"),
            c => !c["mayTakePart"]!.GetValue<bool>(),
            "the Transformation service to learn the koperasi is dissolved");
    }
}
