using Koperasi.Demo;
using Koperasi.Funding.Programmes;
using Koperasi.ServiceDefaults.Persistence;
using Koperasi.ServiceDefaults.PersonalData;
using Marten;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Koperasi.Funding.Demo;

/// <summary>
/// <c>dotnet Koperasi.Funding.DemoData.dll</c>: loads the Dumisake demo data set (2022-2023
/// grants) into a Funding store without programmes (./run.sh and docker compose run it once the
/// services are up). Reads Funding's own settings: its appsettings.json, then the environment
/// (<c>ConnectionStrings__Postgres</c>, <c>Marten__Schema</c>, <c>PersonalData__*</c>), then
/// <c>--Key=value</c> arguments. Exits 0 when the set is in (loaded now or before), 1 on failure.
/// </summary>
public static class DemoDataTool
{
    public static async Task<int> Main(string[] args)
    {
        using var host = Build(DemoDataConsole.Configuration(args), TimeProvider.System);
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoDataTool));
        return await DemoDataConsole.RunAsync(logger, async cancellationToken =>
        {
            var progress = new DemoDataProgress<DemoDataState>(
                s => s.Applications + s.Rejected >= s.Total,
                s => $"[koperasi] loading the Dumisake demo data: {s.Applications} of {s.Total} applications");
            var state = await host.Services.GetRequiredService<DemoDataLoader>().LoadAsync(progress, cancellationToken);
            return state.Status == DemoDataStatus.Loaded
                ? $"[koperasi] Dumisake demo data loaded: {state.Applications} grants, {state.Rejected} refused"
                : "[koperasi] Funding already holds programmes: the Dumisake demo data set is not loaded";
        });
    }

    /// <summary>
    /// What the load needs, as Funding wires it: its own store (the service's options, documents
    /// and projections, and the load's marker), its personal-data vault and its programme defaults.
    /// Not the service's host: its outbox relay and daemon stay with the running service.
    /// </summary>
    public static IHost Build(IConfiguration configuration, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connectionString = configuration.GetConnectionString("Postgres")
            ?? throw new InvalidOperationException("ConnectionStrings:Postgres is not configured (environment: ConnectionStrings__Postgres).");
        var schema = configuration["Marten:Schema"] ?? FundingStore.DefaultSchema;

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.AddToolConsole(configuration);
        builder.Services.Replace(ServiceDescriptor.Singleton(clock));
        builder.Services.AddMarten(options => MartenDefaults.ConfigureStore(options, connectionString, schema, o =>
            {
                FundingStore.Configure(o);
                DemoDataLoad.Register(o);
            }))
            .UseLightweightSessions();
        builder.AddPersonalDataVault();
        builder.Services.AddOptions<ProgrammeDefaults>()
            .Bind(configuration.GetSection("Programmes:DefaultEligibility"))
            .Validate(defaults => { defaults.Validate(); return true; });
        builder.Services.AddSingleton<DemoDataLoader>();
        return builder.Build();
    }
}
