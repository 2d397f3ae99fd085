using Koperasi.Funding.Demo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Koperasi.Funding.Tests.Demo;

/// <summary>
/// Funding with the demo data set loaded once for a test class (the load is the expensive part) by
/// the tool (tools/Koperasi.Funding.DemoData), as ./run.sh runs it against a running service.
/// </summary>
public sealed class DemoDataHost : IAsyncLifetime
{
    public static readonly TimeSpan LoadTimeout = TimeSpan.FromMinutes(4);

    public IsolatedFundingHost Funding { get; } = new("demo");

    public DemoDataState Loaded { get; private set; } = null!;

    /// <summary>How long the load took, for the test output.</summary>
    public TimeSpan LoadTime { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await Funding.InitializeAsync();
        Loaded = await LoadAsync(Funding);
        LoadTime = watch.Elapsed;
    }

    public async ValueTask DisposeAsync() => await Funding.DisposeAsync();

    /// <summary>Runs the tool's loader on the host's store, wired by the tool from the host's settings.</summary>
    public static async Task<DemoDataState> LoadAsync(IsolatedFundingHost funding, IProgress<DemoDataState>? progress = null)
    {
        using var tool = DemoDataTool.Build(funding.Services.GetRequiredService<IConfiguration>(), funding.Clock);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(LoadTimeout);
        return await tool.Services.GetRequiredService<DemoDataLoader>().LoadAsync(progress, timeout.Token);
    }
}
