using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Koperasi.Testing;

namespace Koperasi.Registry.Tests.Replicas;

/// <summary>
/// The Registry as a process of its own (its build output under services/), configured like a
/// <see cref="ServiceHost{TProgram}"/> of the same name, so a test can kill it hard (SIGKILL):
/// no graceful stop, no lock released by the process itself.
/// </summary>
internal sealed class RegistryProcess : IAsyncDisposable
{
    private readonly Process _process;

    private RegistryProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public int Id => _process.Id;

    public static async Task<RegistryProcess> StartAsync(ServiceHost<Program> like, IReadOnlyDictionary<string, string> settings)
    {
        var dll = Path.Combine(SourceTree.Root, "services", "registry", "Koperasi.Registry", "bin", "Release", "net10.0", "Koperasi.Registry.dll");
        File.Exists(dll).ShouldBeTrue($"{dll} is built with the test project");
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var (mqUser, mqPassword) = TestInfrastructure.BrokerCredentials("registry");
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["ASPNETCORE_URLS"] = address.ToString(),
            ["Urls"] = address.ToString(),
            ["ConnectionStrings__Postgres"] = TestInfrastructure.TestDatabase("registry"),
            ["Marten__Schema"] = like.Schema,
            ["RabbitMq__Host"] = TestInfrastructure.RabbitMqHost,
            ["RabbitMq__Port"] = TestInfrastructure.RabbitMqPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RabbitMq__VirtualHost"] = TestInfrastructure.TestVirtualHost,
            ["RabbitMq__Username"] = mqUser,
            ["RabbitMq__Password"] = mqPassword,
            ["RabbitMq__EntityPrefix"] = like.EntityPrefix,
            ["Relay__MaxRetryDelay"] = "00:00:01",
            ["Auth__Issuer"] = TestTokens.Issuer,
            ["Auth__Audience"] = TestTokens.Audience,
            ["Auth__SigningKey"] = TestTokens.SigningKey,
            ["PersonalData__MasterKey"] = TestSecrets.PersonalDataMasterKey,
            ["PersonalData__NikHashKey"] = TestSecrets.PersonalDataNikHashKey,
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        };
        foreach (var (key, value) in settings)
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var registry = new RegistryProcess(process, address);
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(2) };
        await Eventually.UntilAsync(
            async () =>
            {
                process.HasExited.ShouldBeFalse("the Registry process exited at start-up");
                try
                {
                    using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
                    return response.IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
                catch (TaskCanceledException)
                {
                    return false;
                }
            },
            "the Registry process to be ready",
            TimeSpan.FromSeconds(60));
        return registry;
    }

    /// <summary>A client of this process acting as admin-provinsi.</summary>
    public HttpClient CreateClient() =>
        new HttpClient { BaseAddress = Address }.As(ServiceDefaults.Identity.KoperasiRoles.AdminProvinsi);

    /// <summary>Kills the process at once (SIGKILL), as a crash or an OOM kill would.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
