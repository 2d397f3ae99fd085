namespace Koperasi.FakeBank;

/// <summary>What a test (or someone trying <c>./run.sh</c>) tells the bank: the shared behaviour controls (<see cref="BehaviourControl"/>).</summary>
public static class ControlEndpoints
{
    public static void MapControl(this WebApplication app) => app.MapBehaviourControl();
}
