namespace Koperasi.Funding.Demo;

/// <summary>Where the demo load stands.</summary>
public enum DemoDataStatus
{
    /// <summary>Demo:LoadWhenEmpty is off.</summary>
    Disabled,

    /// <summary>The loader has not started yet.</summary>
    Idle,

    Loading,

    Loaded,

    /// <summary>The store already held programmes (or another instance loads): nothing was added.</summary>
    Skipped,

    Failed,
}

/// <summary>
/// The state of the demo load as <c>GET /api/funding/demo-data</c> shows it; run.sh waits on it.
/// Applications counts those granted so far, of <paramref name="Total"/>; Rejected those a rule refused.
/// </summary>
public sealed record DemoDataState(DemoDataStatus Status, int Applications, int Rejected, int Total);

/// <summary>Shared between the loader, which moves it on, and the endpoint, which reads it.</summary>
public sealed class DemoDataProgress(bool enabled)
{
    private volatile DemoDataState _current = new(enabled ? DemoDataStatus.Idle : DemoDataStatus.Disabled, 0, 0, 0);

    public DemoDataState Current => _current;

    public void Set(DemoDataState state) => _current = state;
}
