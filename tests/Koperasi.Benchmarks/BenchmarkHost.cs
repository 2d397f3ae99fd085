using System.Globalization;
using Koperasi.ServiceDefaults.Identity;
using Koperasi.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Koperasi.Benchmarks;

/// <summary>
/// The Registry hosted in this process on the benchmark schema, as an API replica would run it:
/// no daemon, no schedule, no demo load, no import processing; nothing but the requests being
/// timed touches the database. Unlike the tests' host it never drops its schema. The engine figures
/// host it on schemas of their own, with <paramref name="settings"/> over these (the daemon for the relay).
/// </summary>
public sealed class BenchmarkHost(string schema, string entityPrefix, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var (mqUser, mqPassword) = TestInfrastructure.BrokerCredentials("registry");
        builder.UseEnvironment("Production");
        // The factory looks for its manifest in the working directory, which under dotnet run is
        // the repository; the Registry's appsettings.json is copied next to the harness.
        builder.UseContentRoot(AppContext.BaseDirectory);
        builder.UseSetting("ConnectionStrings:Postgres", TestInfrastructure.TestDatabase("registry"));
        builder.UseSetting("Marten:Schema", schema);
        builder.UseSetting("Marten:DaemonMode", "Disabled");
        builder.UseSetting("Activity:ScheduledEvaluation", "false");
        builder.UseSetting("Imports:Processing", "false");
        builder.UseSetting("RabbitMq:Host", TestInfrastructure.RabbitMqHost);
        builder.UseSetting("RabbitMq:Port", TestInfrastructure.RabbitMqPort.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("RabbitMq:VirtualHost", TestInfrastructure.TestVirtualHost);
        builder.UseSetting("RabbitMq:Username", mqUser);
        builder.UseSetting("RabbitMq:Password", mqPassword);
        builder.UseSetting("RabbitMq:EntityPrefix", entityPrefix);
        // Production refuses to start without these; the run makes its own, as the tests do.
        builder.UseSetting("Auth:Issuer", TestTokens.Issuer);
        builder.UseSetting("Auth:Audience", TestTokens.Audience);
        builder.UseSetting("Auth:SigningKey", TestTokens.SigningKey);
        builder.UseSetting("PersonalData:MasterKey", TestSecrets.PersonalDataMasterKey);
        builder.UseSetting("PersonalData:NikHashKey", TestSecrets.PersonalDataNikHashKey);
        // Request logs would interleave with the results table.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        if (services is not null)
        {
            builder.ConfigureServices(services);
        }
    }

    /// <summary>Every endpoint timed needs a token: the harness reads as admin-provinsi.</summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.As(KoperasiRoles.AdminProvinsi);
    }
}
