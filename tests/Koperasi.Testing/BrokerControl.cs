using System.Diagnostics;

namespace Koperasi.Testing;

/// <summary>Stops and starts the broker through deploy/infra.sh, for the tests of an outage.</summary>
public static class BrokerControl
{
    public static async Task RunAsync(string command)
    {
        var script = TestInfrastructure.BrokerControl ?? throw new InvalidOperationException("No broker control in this run.");
        var start = new ProcessStartInfo("bash", [script, command]) { RedirectStandardError = true, RedirectStandardOutput = true };
        if (TestInfrastructure.LocalState is { } state)
        {
            start.Environment["KOPERASI_LOCAL_STATE"] = state;
        }

        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"deploy/infra.sh {command} failed: {error}");
        }
    }
}
