using System.Diagnostics;
using System.Globalization;

namespace Koperasi.Resilience;

/// <summary>
/// The PostgreSQL and RabbitMQ of a run. Its own (the default): deploy/infra.sh in its local mode,
/// with its state in .local/resilience and its own ports, so stopping or killing them touches no
/// one else's; stopped again at the end. Shared (--shared, the suite): the servers of the environment,
/// which the harness never stops. Either way the services run on the tests' database and vhost, in a
/// schema and under a broker prefix of the run's own.
/// </summary>
public sealed class Servers : IAsyncDisposable
{
    private readonly string _root;
    private readonly string? _state;
    private readonly Dictionary<string, string> _environment = [];
    private readonly TextWriter _log;

    private Servers(string root, string? state, TextWriter log)
    {
        _root = root;
        _state = state;
        _log = log;
    }

    /// <summary>Whether these are the harness's own servers, which it may stop and kill.</summary>
    public bool Own => _state is not null;

    public static Servers Shared(string root, TextWriter log) => new(root, null, log);

    /// <summary>Starts (or reuses) the harness's own servers on ports basePort..basePort+5.</summary>
    public static async Task<Servers> StartOwnAsync(string root, int basePort, TextWriter log, CancellationToken cancellationToken)
    {
        var state = Path.Combine(root, ".local", "resilience");
        Directory.CreateDirectory(state);
        var servers = new Servers(root, state, log);
        servers._environment["KOPERASI_INFRA"] = "local";
        servers._environment["KOPERASI_LOCAL_STATE"] = state;
        servers._environment["KOPERASI_LOCAL_POSTGRES_PORT"] = Port(basePort);
        servers._environment["KOPERASI_LOCAL_RABBITMQ_PORT"] = Port(basePort + 1);
        servers._environment["KOPERASI_LOCAL_RABBITMQ_MANAGEMENT_PORT"] = Port(basePort + 2);
        servers._environment["KOPERASI_LOCAL_RABBITMQ_DIST_PORT"] = Port(basePort + 3);
        servers._environment["KOPERASI_LOCAL_EPMD_PORT"] = Port(basePort + 4);
        servers._environment["KOPERASI_LOCAL_RABBITMQ_PROMETHEUS_PORT"] = Port(basePort + 5);
        await servers.InfraAsync(cancellationToken, "up", "--record", servers.Record("all"));

        // The services, the subscriber and Koperasi.Testing read the servers from the environment.
        foreach (var line in await File.ReadAllLinesAsync(Path.Combine(state, "infra.env"), cancellationToken))
        {
            if (line.Split('=', 2) is [var key, var value])
            {
                Environment.SetEnvironmentVariable(key, value);
            }
        }

        return servers;
    }

    /// <summary>Stops the broker (rabbitmqctl stop): every connection to it drops.</summary>
    public Task StopBrokerAsync(CancellationToken cancellationToken) => DownAsync("rabbitmq", cancellationToken);

    /// <summary>Starts what is not running (deploy/infra.sh up: the broker, PostgreSQL) and provisions again.</summary>
    public async Task StartAgainAsync(CancellationToken cancellationToken)
    {
        // PostgreSQL refuses to start while the backends of a killed postmaster still hold its
        // shared memory; they leave within seconds.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await InfraAsync(cancellationToken, "up", "--record", Record("again"));
                return;
            }
            catch (InvalidOperationException) when (attempt < 10)
            {
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            }
        }
    }

    /// <summary>Kills the PostgreSQL postmaster with SIGKILL, as a crash or the OOM killer would.</summary>
    public async Task KillPostgresAsync(CancellationToken cancellationToken)
    {
        var pidFile = Path.Combine(OwnState, "infra", "postgres", "data", "postmaster.pid");
        var pid = int.Parse((await File.ReadAllLinesAsync(pidFile, cancellationToken))[0].Trim(), CultureInfo.InvariantCulture);
        using var postmaster = Process.GetProcessById(pid);
        postmaster.Kill();
        await postmaster.WaitForExitAsync(cancellationToken);
        _log.WriteLine($"  PostgreSQL postmaster {pid} killed (SIGKILL)");
    }

    public async ValueTask DisposeAsync()
    {
        if (_state is not null)
        {
            // What the first `up` started, and anything a later `up` started again.
            await InfraAsync(CancellationToken.None, "down", "--record", Record("again"));
            await InfraAsync(CancellationToken.None, "down", "--record", Record("all"));
        }
    }

    private string OwnState => _state ?? throw new InvalidOperationException("The shared servers are never stopped by the harness.");

    private string Record(string name) => Path.Combine(OwnState, $"harness-{name}.started");

    /// <summary>Stops one server (postgres or rabbitmq) through deploy/infra.sh down with a record naming it only.</summary>
    private async Task DownAsync(string server, CancellationToken cancellationToken)
    {
        var record = Record("one");
        await File.WriteAllTextAsync(record, server + "\n", cancellationToken);
        await InfraAsync(cancellationToken, "down", "--record", record);
        _log.WriteLine($"  {server} stopped");
    }

    private async Task InfraAsync(CancellationToken cancellationToken, params string[] arguments)
    {
        var start = new ProcessStartInfo(Path.Combine(_root, "deploy", "infra.sh"), arguments)
        {
            WorkingDirectory = _root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }

        using var infra = Process.Start(start) ?? throw new InvalidOperationException("deploy/infra.sh did not start.");
        var output = infra.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = infra.StandardError.ReadToEndAsync(cancellationToken);
        await infra.WaitForExitAsync(cancellationToken);
        var text = (await output + await errors).Trim();
        if (text.Length > 0)
        {
            _log.WriteLine(string.Join('\n', text.Split('\n').Select(line => "  " + line)));
        }

        if (infra.ExitCode != 0)
        {
            throw new InvalidOperationException($"deploy/infra.sh {string.Join(' ', arguments)} failed ({infra.ExitCode}).");
        }
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);
}
