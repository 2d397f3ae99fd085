using Koperasi.Demo;
using Koperasi.ServiceDefaults.Persistence;
using Koperasi.Transformation.Dissolutions;
using Marten;

namespace Koperasi.Transformation.Demo;

/// <summary>
/// <c>dotnet Koperasi.Transformation.DemoData.dll</c>: loads the 2018 dissolution batch (611 proposed,
/// the approved dissolved, the rest held back) into a Transformation store without dissolution cases,
/// once the service has learned the register with the Registry's demo set (./run.sh runs it after the
/// Registry's demo). Reads the Transformation's own settings: its appsettings.json, then the environment
/// (<c>ConnectionStrings__Postgres</c>, <c>Marten__Schema</c>, <c>Dissolution__*</c>), then
/// <c>--Key=value</c> arguments. Exits 0 when the batch is in (loaded now or before), 1 on failure.
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
            var loader = new DemoDataLoader(store, TimeProvider.System, Options(configuration), logging.CreateLogger<DemoDataLoader>());
            var state = await loader.LoadAsync(cancellationToken);
            return state.Status == DemoDataStatus.Loaded
                ? $"[koperasi] 2018 dissolution batch loaded: {state.Proposed} proposed, {state.Dissolved} dissolved, {state.HeldBack} held back; batch {state.BatchId}"
                : $"[koperasi] the Transformation service already holds dissolution cases: the 2018 batch is not loaded; batch {state.BatchId}";
        });
    }

    /// <summary>The Transformation's own store (its options, documents and projections) and the load's marker; its relay stays with the running service.</summary>
    public static DocumentStore OpenStore(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Postgres")
            ?? throw new InvalidOperationException("ConnectionStrings:Postgres is not configured (environment: ConnectionStrings__Postgres).");
        var schema = configuration["Marten:Schema"] ?? TransformationStore.DefaultSchema;
        return DocumentStore.For(options => MartenDefaults.ConfigureStore(options, connectionString, schema, o =>
        {
            TransformationStore.Configure(o);
            DemoDataLoad.Register(o);
        }));
    }

    /// <summary>The dissolution's periods the service runs with (section <c>Dissolution</c>), checked as the service checks them.</summary>
    public static DissolutionOptions Options(IConfiguration configuration)
    {
        var options = configuration.GetSection(DissolutionOptions.Section).Get<DissolutionOptions>() ?? new DissolutionOptions();
        options.Validate();
        return options;
    }
}
