using MassTransit.Logging;
using MassTransit.Monitoring;

namespace Koperasi.Testing;

/// <summary>
/// MassTransit creates its meter once per process, from the service provider of the first bus that
/// starts, and that meter dies with that provider. A service runs one host per process, but a test
/// process hosts many one after the other: once the first is disposed, no later host would report a
/// message consumed or published. Creating the meter first, outside every host, keeps it for the
/// whole process.
/// </summary>
public static class ProcessWideBusMetrics
{
    private static readonly Lazy<bool> Created = new(() =>
    {
        var options = new InstrumentationOptions();
        new ConfigureDefaultInstrumentationOptions().Configure(options);
        LogContextInstrumentationExtensions.TryConfigure(options);
        return true;
    });

    /// <summary>Creates MassTransit's meter for the process, once.</summary>
    public static void Ensure() => _ = Created.Value;
}
