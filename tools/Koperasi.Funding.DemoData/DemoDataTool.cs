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
public static partial class DemoDataTool
{
    public static async Task<int> Main(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };

        using var host = Build(Configuration(args), TimeProvider.System);
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoDataTool));
        try
        {
            var state = await host.Services.GetRequiredService<DemoDataLoader>().LoadAsync(new ConsoleProgress(), cancellation.Token);
            Console.WriteLine(state.Status == DemoDataStatus.Loaded
                ? $"[koperasi] Dumisake demo data loaded: {state.Applications} grants, {state.Rejected} refused"
                : "[koperasi] Funding already holds programmes: the Dumisake demo data set is not loaded");
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

    /// <summary>Funding's settings as the service reads them (its appsettings.json comes with the reference), then the environment and the arguments.</summary>
    public static IConfiguration Configuration(string[] args) =>
        new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .Build();

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
        // Logs to standard error: standard output carries the progress a user reads.
        builder.Logging.AddConfiguration(configuration.GetSection("Logging"))
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)
            .AddSimpleConsole(o => o.SingleLine = true);
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Loading the demo data set failed; the next run resumes it")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    /// <summary>Prints the progress as run.sh did, at most every few seconds.</summary>
    private sealed class ConsoleProgress : IProgress<DemoDataState>
    {
        private long _last;

        public void Report(DemoDataState value)
        {
            var now = Environment.TickCount64;
            if (value.Applications + value.Rejected < value.Total && now - _last < 3_000)
            {
                return;
            }

            _last = now;
            Console.WriteLine($"[koperasi] loading the Dumisake demo data: {value.Applications} of {value.Total} applications");
        }
    }
}
