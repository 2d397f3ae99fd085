using Koperasi.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Koperasi.ServiceDefaults.Tests;

/// <summary>The bus every service gets from <see cref="MessagingDefaults.AddKoperasiMessaging"/>.</summary>
public sealed class MessagingDefaultsTests
{
    [Fact]
    public void The_bus_sends_no_usage_telemetry_to_MassTransit()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.AddKoperasiMessaging("registry");
        using var host = builder.Build();

        host.Services.GetRequiredService<IOptions<UsageTelemetryOptions>>().Value.Enabled.ShouldBeFalse();
    }
}
