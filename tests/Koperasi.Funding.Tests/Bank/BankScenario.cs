using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koperasi.FakeBank;
using Koperasi.Testing;

namespace Koperasi.Funding.Tests.Bank;

/// <summary>
/// A bank of the test's own, the Funding hosts that pay through it (with short timeouts, so a test
/// of failures stays quick), and the calls a test makes of both: decreed grants, the bank's
/// control endpoints, its ledger.
/// </summary>
public sealed class BankScenario : IAsyncDisposable
{
    private readonly List<IsolatedFundingHost> _hosts = [];
    private readonly HttpClient _bankClient;

    private BankScenario(FakeBankServer bank)
    {
        Bank = bank;
        _bankClient = new HttpClient { BaseAddress = bank.Address };
    }

    public FakeBankServer Bank { get; }

    /// <summary>The first host: the one that takes the officers' calls.</summary>
    public IsolatedFundingHost Funding => _hosts[0];

    public HttpClient Admin { get; private set; } = null!;

    /// <summary>Quick settings: 0.5 s per attempt, 2 retries, a breaker that stays closed unless a test lowers its throughput.</summary>
    public static Dictionary<string, string> QuickSettings() => new()
    {
        ["Bank:AttemptTimeout"] = "00:00:00.500",
        ["Bank:MaxRetryAttempts"] = "2",
        ["Bank:RetryDelay"] = "00:00:00.020",
        ["Bank:TotalTimeout"] = "00:00:05",
        ["Bank:MinimumThroughput"] = "1000",
        ["Bank:SamplingDuration"] = "00:00:05",
        ["Bank:BreakDuration"] = "00:00:01",
        ["Bank:PollInterval"] = "00:00:00.200",
    };

    public static async Task<BankScenario> StartAsync(string name, IReadOnlyDictionary<string, string>? settings = null)
    {
        var scenario = new BankScenario(await FakeBankServer.StartAsync("http://127.0.0.1:0"));
        await scenario.AddHostAsync(name, settings);
        scenario.Admin = scenario.Funding.CreateClient();
        return scenario;
    }

    /// <summary>Another Funding process on the same database (same name: same schema), its daemon off.</summary>
    public async Task<IsolatedFundingHost> AddHostAsync(string name, IReadOnlyDictionary<string, string>? settings = null)
    {
        var host = new IsolatedFundingHost(name);
        host.With("Bank:BaseAddress", Bank.Address.ToString());
        if (_hosts.Count > 0)
        {
            host.With("Marten:DaemonMode", "Disabled");
        }

        foreach (var (key, value) in settings ?? QuickSettings())
        {
            host.With(key, value);
        }

        _hosts.Add(host);
        await host.InitializeAsync();
        return host;
    }

    /// <summary>Grants decreed in one batch of a new programme, ready to be disbursed.</summary>
    public async Task<IReadOnlyList<string>> DecreedAsync(int count)
    {
        var programmeId = Api.Id(await Api.OpenProgrammeAsync(Admin));
        var ids = (await Seed.EligibleAsync(Funding.Services, programmeId, count)).Select(id => id.ToString()).ToArray();
        using var batch = await IfMatch.PostAsync(Admin, $"/api/funding/programmes/{programmeId}/decree-batches", Api.Batch(ids));
        batch.StatusCode.ShouldBe(HttpStatusCode.Created, await batch.Content.ReadAsStringAsync());
        return ids;
    }

    /// <summary>Tells the bank how to behave: <c>failures</c>, <c>delay</c>, <c>timeouts</c> or <c>reset</c>.</summary>
    public async Task ControlAsync(string what, JsonObject? body = null)
    {
        using var response = await _bankClient.PostAsJsonAsync($"control/{what}", body ?? []);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    public async Task<int> BankCallsAsync() => (await _bankClient.GetFromJsonAsync<JsonObject>("control"))!["calls"]!.GetValue<int>();

    public async Task<IReadOnlyList<Transfer>> LedgerAsync() => (await _bankClient.GetFromJsonAsync<List<Transfer>>("transfers"))!;

    public Task<JsonObject> ApplicationAsync(string id) => Api.GetAsync(Admin, $"/api/funding/applications/{id}");

    /// <summary>Waits until no grant is waiting for the bank any more; returns the failed ones.</summary>
    public async Task<IReadOnlyList<string>> SettledAsync(IReadOnlyList<string> ids) =>
        await Eventually.ValueAsync(async () =>
        {
            var statuses = new Dictionary<string, string>();
            foreach (var id in ids)
            {
                statuses[id] = (await ApplicationAsync(id))["status"]!.GetValue<string>();
            }

            return statuses.Values.All(s => s is "disbursed" or "disbursement-failed")
                ? statuses.Where(s => s.Value == "disbursement-failed").Select(s => s.Key).ToList()
                : null;
        }, "every disbursement to be paid or failed");

    /// <summary>
    /// Each grant paid exactly once: one transfer in the bank's ledger per grant, under its
    /// disbursement id, whose reference the application recorded, and one grant-disbursed event.
    /// </summary>
    public async Task ShouldEachBePaidOnceAsync(IReadOnlyList<string> ids)
    {
        var ledger = await LedgerAsync();
        ledger.Count.ShouldBe(ids.Count);
        ledger.Select(t => t.IdempotencyKey).Distinct().Count().ShouldBe(ids.Count);
        foreach (var id in ids)
        {
            var application = await ApplicationAsync(id);
            application["status"]!.GetValue<string>().ShouldBe("disbursed");
            var disbursement = application["disbursement"]!;
            var transfer = ledger.Where(t => t.Remark!.Contains(id, StringComparison.Ordinal)).ShouldHaveSingleItem();
            (transfer.IdempotencyKey, transfer.Reference, transfer.Amount).ShouldBe(
                (disbursement["disbursementId"]!.GetValue<string>(), disbursement["transferReference"]!.GetValue<string>(), disbursement["amount"]!.GetValue<decimal>()));

            var history = JsonNode.Parse(await (await Admin.GetAsync(new Uri($"/api/funding/applications/{id}/history", UriKind.Relative))).Content.ReadAsStringAsync())!.AsArray();
            history.Count(e => e!["type"]!.GetValue<string>() == "grant-disbursed").ShouldBe(1);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _bankClient.Dispose();
        // The replicas first: the first host drops the schema they share.
        for (var i = _hosts.Count - 1; i >= 0; i--)
        {
            await _hosts[i].DisposeAsync();
        }

        await Bank.DisposeAsync();
    }
}
