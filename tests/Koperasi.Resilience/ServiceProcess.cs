using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Koperasi.Resilience;

/// <summary>
/// One process of a service (its build output under services/), started as ./run.sh starts it, so
/// the harness can kill it hard (SIGKILL: no graceful stop, no lock released by the process itself)
/// and start it again on the same address. Its output goes to a log file of its own.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly string _dll;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly string _logFile;
    private Process? _process;

    private ServiceProcess(string name, string dll, Uri address, IReadOnlyDictionary<string, string> settings, string logFile)
    {
        Name = name;
        _dll = dll;
        Address = address;
        _settings = settings;
        _logFile = logFile;
    }

    public string Name { get; }

    public Uri Address { get; }

    /// <summary>The id of the running process; 0 when it is not running.</summary>
    public int Id => _process is { HasExited: false } process ? process.Id : 0;

    /// <summary>Starts services/{service}/Koperasi.{Service} (or the gateway) with the given settings, and waits until it answers <paramref name="readyPath"/>.</summary>
    public static async Task<ServiceProcess> StartAsync(
        string root, string name, string project, IReadOnlyDictionary<string, string> settings, string logDirectory, string readyPath, CancellationToken cancellationToken)
    {
        var service = project.Split('.')[^1].ToLowerInvariant();
        var dll = Path.Combine(root, "services", service, project, "bin", "Release", "net10.0", project + ".dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: build tests/Koperasi.Resilience first (it builds the services).");
        }

        Directory.CreateDirectory(logDirectory);
        var process = new ServiceProcess(name, dll, new Uri($"http://127.0.0.1:{FreePort()}"), settings, Path.Combine(logDirectory, name + ".log"));
        await process.StartAsync(readyPath, cancellationToken);
        return process;
    }

    /// <summary>Starts the process again on its address (after <see cref="KillAsync"/>) and waits until it answers <paramref name="readyPath"/>.</summary>
    public async Task StartAsync(string readyPath, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet", [_dll])
        {
            WorkingDirectory = Path.GetDirectoryName(_dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["ASPNETCORE_URLS"] = Address.ToString();
        start.Environment["Urls"] = Address.ToString();
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (key, value) in _settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var log = new StreamWriter(_logFile, append: true) { AutoFlush = true };
        _process = Process.Start(start) ?? throw new InvalidOperationException($"{Name} did not start.");
        _process.OutputDataReceived += (_, e) => Write(log, e.Data);
        _process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        _process.Exited += (_, _) => log.Dispose();
        _process.EnableRaisingEvents = true;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitReadyAsync(readyPath, TimeSpan.FromSeconds(120), cancellationToken);
    }

    /// <summary>Waits until the process answers 200 on <paramref name="path"/>.</summary>
    public async Task WaitReadyAsync(string path, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (!await AnswersAsync(http, path, cancellationToken))
        {
            if (_process is not { HasExited: false })
            {
                throw new InvalidOperationException($"{Name} exited at start-up; see {_logFile}.");
            }

            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"{Name} was not ready within {timeout.TotalSeconds:0} s; see {_logFile}.");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>Kills the process at once (SIGKILL), as a crash or an OOM kill would.</summary>
    public async Task KillAsync()
    {
        if (_process is null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync() => await KillAsync();

    private static async Task<bool> AnswersAsync(HttpClient http, string path, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        try
        {
            log.WriteLine(line);
        }
        catch (ObjectDisposedException)
        {
            // The process ended while its last lines came in.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
