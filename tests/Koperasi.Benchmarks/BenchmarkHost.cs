using System.Globalization;
using Koperasi.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Koperasi.Benchmarks;

/// <summary>
/// The Registry hosted in this process on the benchmark schema, as an API replica would run it:
/// no daemon, no schedule, no demo load, no import processing; nothing but the requests being
/// timed touches the database. Unlike the tests' host it never drops its schema.
/// </summary>
public sealed class BenchmarkHost(string schema, string entityPrefix) : WebApplicationFactory<Program>
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
        // Request logs would interleave with the results table.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }
}
