using Koperasi.Registry.Activity;
using Koperasi.ServiceDefaults.Persistence;
using Marten;

namespace Koperasi.Registry.Demo;

/// <summary>
/// <c>dotnet Koperasi.Registry.DemoData.dll</c>: loads the demo data set into an empty register
/// (./run.sh and docker compose run it once the services are up). Reads the Registry's own
/// settings: its appsettings.json, then the environment (<c>ConnectionStrings__Postgres</c>,
/// <c>Marten__Schema</c>, <c>Activity__*</c>), then <c>--Key=value</c> arguments. Exits 0 when the
/// set is in (loaded now or before), 1 on failure.
/// </summary>
public static partial class DemoDataTool
{
    public static async Task<int> Main(string[] args)
    {
        var configuration = Configuration(args);
        // Logs to standard error: standard output carries the progress a user reads.
        using var logging = LoggerFactory.Create(b => b.AddConfiguration(configuration.GetSection("Logging"))
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)
            .AddSimpleConsole(o => o.SingleLine = true));
        var logger = logging.CreateLogger(typeof(DemoDataTool));
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };

        try
        {
            await using var store = OpenStore(configuration);
            var loader = new DemoDataLoader(store, TimeProvider.System, Policy(configuration), logging.CreateLogger<DemoDataLoader>());
            var state = await loader.LoadAsync(new ConsoleProgress(), cancellation.Token);
            Console.WriteLine(state.Status == DemoDataStatus.Loaded
                ? $"[koperasi] demo data set loaded: {state.Registered} koperasi registered, {state.Rejected} rejected"
                : "[koperasi] the register already holds koperasi: the demo data set is not loaded");
            return 0;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            Console.WriteLine("[koperasi] demo load stopped; the next run resumes it");
            return 130;
        }
        catch (Exception exception)
        {
            LogFailed(logger, exception);
            return 1;
        }
    }

    /// <summary>The Registry's settings as the service reads them (its appsettings.json comes with the reference), then the environment and the arguments.</summary>
    public static IConfiguration Configuration(string[] args) =>
        new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .Build();

    /// <summary>
    /// The Registry's own store (the options, documents and projections of the service) and the
    /// load's marker. Not the host's: its outbox relay stays with the running service, whose daemon
    /// publishes the events this load appends as it does for any registration.
    /// </summary>
    public static DocumentStore OpenStore(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Postgres")
            ?? throw new InvalidOperationException("ConnectionStrings:Postgres is not configured (environment: ConnectionStrings__Postgres).");
        var schema = configuration["Marten:Schema"] ?? RegistryStore.DefaultSchema;
        return DocumentStore.For(options => MartenDefaults.ConfigureStore(options, connectionString, schema, o =>
        {
            RegistryStore.Configure(o);
            DemoDataLoad.Register(o);
        }));
    }

    /// <summary>The activity policy the Registry runs with (section <c>Activity</c>), checked as the service checks it.</summary>
    public static ActivityPolicy Policy(IConfiguration configuration)
    {
        var policy = configuration.GetSection("Activity").Get<ActivityPolicy>() ?? new ActivityPolicy();
        policy.Validate();
        return policy;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Loading the demo data set failed; the next run resumes it")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    /// <summary>Prints the progress as run.sh did, at most every few seconds.</summary>
    private sealed class ConsoleProgress : IProgress<DemoDataState>
    {
        private long _last;

        public void Report(DemoDataState value)
        {
            var now = Environment.TickCount64;
            if (value.Registered + value.Rejected < value.Total && now - _last < 3_000)
            {
                return;
            }

            _last = now;
            Console.WriteLine($"[koperasi] loading the demo data set: {value.Registered} of {value.Total}");
        }
    }
}
