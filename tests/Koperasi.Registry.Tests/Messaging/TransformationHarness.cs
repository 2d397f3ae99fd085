using System.Text.Json;
using System.Text.Json.Nodes;
using Koperasi.Testing;

namespace Koperasi.Registry.Tests.Messaging;

/// <summary>
/// A Registry on the real broker and database, a downstream probe on its answers, and the bus to
/// publish approvals (and Funding's paid grants) into, for the tests of the Registry's consumers.
/// </summary>
public abstract class TransformationHarness(string name) : IAsyncLifetime
{
    protected const string Dissolved = "koperasi:registry:cooperative-dissolved:v1";
    protected const string Merged = "koperasi:registry:cooperative-merged:v1";
    protected const string Registered = "koperasi:registry:cooperative-registered:v1";
    protected const string Amended = "koperasi:registry:cooperative-amended:v1";
    protected const string NotApplied = "koperasi:registry:transformation-not-applied:v1";

    private readonly IsolatedRegistryHost _registry = new(name, new DateTimeOffset(2026, 11, 22, 3, 0, 0, TimeSpan.Zero));

    protected string EntityPrefix => _registry.EntityPrefix;

    protected BrokerProbe Probe { get; private set; } = null!;

    protected TransformationBus Bus { get; private set; } = null!;

    protected HttpClient Client { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Probe = await BrokerProbe.SubscribeAsync(_registry.EntityPrefix, Dissolved, Merged, Registered, Amended, NotApplied);
        await _registry.InitializeAsync();
        Client = _registry.CreateClient();
        Bus = await TransformationBus.ConnectAsync(_registry.Services);
    }

    public async ValueTask DisposeAsync()
    {
        await Probe.DisposeAsync();
        await _registry.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected async Task<Guid> RegisterAsync(string name, string regency = "1571")
    {
        var registered = await Api.RegisterAsync(Client, Api.Registration(name, regency));
        return registered["id"]!.GetValue<Guid>();
    }

    protected Task<JsonObject> ReadAsync(Guid id, string part = "") => Api.GetAsync(Client, $"/api/registry/cooperatives/{id}{part}");

    protected async Task<JsonArray> HistoryAsync(Guid id)
    {
        using var response = await Client.GetAsync(new Uri($"/api/registry/cooperatives/{id}/history", UriKind.Relative));
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
    }

    protected static Func<JsonElement, bool> About(Guid cooperativeId) => m => m.GetProperty("cooperativeId").GetGuid() == cooperativeId;

    protected static Func<JsonElement, bool> OfCase(Guid caseId) => m => m.GetProperty("caseId").GetGuid() == caseId;
}
