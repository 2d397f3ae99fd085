using System.Text.Json.Nodes;
using Koperasi.Testing;

namespace Koperasi.Funding.Tests.Demo;

/// <summary>
/// Funding with the demo data set loaded once for a test class (the load is the expensive part),
/// and the hosts a test starts on the same store afterwards (a restart, a replica), disposed with
/// it: disposing one drops the store they share.
/// </summary>
public sealed class DemoDataHost : IAsyncLifetime
{
    public static readonly TimeSpan LoadTimeout = TimeSpan.FromMinutes(4);

    private readonly List<IsolatedFundingHost> _restarts = [];

    public IsolatedFundingHost Funding { get; } = new("demo");

    public JsonObject Loaded { get; private set; } = null!;

    /// <summary>How long the load took, for the test output.</summary>
    public TimeSpan LoadTime { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Funding.With("Demo:LoadWhenEmpty", "true");
        await Funding.InitializeAsync();
        Loaded = await StateAsync(Funding.CreateClient(), "loaded");
        LoadTime = watch.Elapsed;
    }

    /// <summary>Another start on the same store, as an API replica (no daemon, so the reports are not counted twice).</summary>
    public async Task<IsolatedFundingHost> RestartAsync()
    {
        var again = new IsolatedFundingHost("demo");
        again.With("Demo:LoadWhenEmpty", "true").With("Marten:DaemonMode", "Disabled");
        _restarts.Add(again);
        await again.InitializeAsync();
        return again;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var restart in _restarts)
        {
            await restart.DisposeAsync();
        }

        await Funding.DisposeAsync();
    }

    /// <summary>Waits for the demo load to reach <paramref name="status"/>, failing at once if it failed.</summary>
    public static Task<JsonObject> StateAsync(HttpClient client, string status) =>
        Eventually.ValueAsync(
            async () =>
            {
                var state = await Api.GetAsync(client, "/api/funding/demo-data");
                var current = state["status"]!.GetValue<string>();
                current.ShouldNotBe("failed");
                return current == status ? state : null;
            },
            $"the demo load to be {status}",
            LoadTimeout);
}
