using Koperasi.Funding.Demo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Koperasi.Funding.Tests.Demo;

/// <summary>
/// Funding with a demo data set loaded once for a test class (the load is the expensive part) by
/// the tool (tools/Koperasi.Funding.DemoData), as ./run.sh runs it against a running service. As a
/// class fixture it loads the set scaled down to a tenth (<see cref="ScaledDivisor"/>), which has
/// every year, regency and decree of the full set; <see cref="Full"/> loads the full set.
/// </summary>
public sealed class DemoDataHost : IAsyncLifetime
{
    public const int ScaledDivisor = 10;

    public static readonly TimeSpan LoadTimeout = TimeSpan.FromMinutes(4);

    public DemoDataHost()
        : this("demo", DemoSet.Generate().Scaled(ScaledDivisor))
    {
    }

    private DemoDataHost(string name, DemoSet set) => (Funding, Set) = (new IsolatedFundingHost(name), set);

    /// <summary>The set loaded: what the reports must count.</summary>
    public DemoSet Set { get; }

    /// <summary>Funding, with a schema and names of its own.</summary>
    public IsolatedFundingHost Funding { get; }

    public DemoDataState Loaded { get; private set; } = null!;

    /// <summary>How long the load took, for the test output.</summary>
    public TimeSpan LoadTime { get; private set; }

    /// <summary>A host that loads the full set, the one the published figures are about.</summary>
    public static DemoDataHost Full() => new("demofull", DemoSet.Generate());

    public async ValueTask InitializeAsync()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await Funding.InitializeAsync();
        Loaded = await LoadAsync(Funding, Set);
        LoadTime = watch.Elapsed;
    }

    public async ValueTask DisposeAsync() => await Funding.DisposeAsync();

    /// <summary>Runs the tool's loader on the host's store, wired by the tool from the host's settings: <paramref name="set"/>, or the full set when null.</summary>
    public static async Task<DemoDataState> LoadAsync(IsolatedFundingHost funding, DemoSet? set = null, IProgress<DemoDataState>? progress = null)
    {
        using var tool = DemoDataTool.Build(funding.Services.GetRequiredService<IConfiguration>(), funding.Clock);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(LoadTimeout);
        return await tool.Services.GetRequiredService<DemoDataLoader>().LoadAsync(set, progress, timeout.Token);
    }
}
