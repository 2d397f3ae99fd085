using Koperasi.Demo;
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
public static class DemoDataTool
{
    public static async Task<int> Main(string[] args)
    {
        var configuration = DemoDataConsole.Configuration(args);
        using var logging = LoggerFactory.Create(b => b.AddToolConsole(configuration));
        return await DemoDataConsole.RunAsync(logging.CreateLogger(typeof(DemoDataTool)), async cancellationToken =>
        {
            await using var store = OpenStore(configuration);
            var loader = new DemoDataLoader(store, TimeProvider.System, Policy(configuration), logging.CreateLogger<DemoDataLoader>());
            var progress = new DemoDataProgress<DemoDataState>(
                s => s.Registered + s.Rejected >= s.Total,
                s => $"[koperasi] loading the demo data set: {s.Registered} of {s.Total}");
            var state = await loader.LoadAsync(progress, cancellationToken);
            return state.Status == DemoDataStatus.Loaded
                ? $"[koperasi] demo data set loaded: {state.Registered} koperasi registered, {state.Rejected} rejected"
                : "[koperasi] the register already holds koperasi: the demo data set is not loaded";
        });
    }

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
}
