using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Koperasi.ServiceDefaults.Messaging;

/// <summary>MassTransit on RabbitMQ as every service uses it.</summary>
public static class MessagingDefaults
{
    /// <summary>
    /// Registers MassTransit on RabbitMQ from the <c>RabbitMq</c> section: the service's own
    /// user, exchanges named by contract URN, kebab-case queues, both with the optional
    /// per-run prefix, in-memory exponential retry then the <c>_error</c> queue. The API keeps
    /// taking commands while the broker is down (the relay catches up).
    /// </summary>
    public static IHostApplicationBuilder AddKoperasiMessaging(
        this IHostApplicationBuilder builder,
        Action<IBusRegistrationConfigurator>? configure = null)
    {
        var settings = builder.Configuration.GetSection("RabbitMq").Get<RabbitMqSettings>() ?? new RabbitMqSettings();
        var prefix = string.IsNullOrWhiteSpace(settings.EntityPrefix) ? null : settings.EntityPrefix;

        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(prefix, false));
            configure?.Invoke(bus);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(settings.Host, (ushort)settings.Port, settings.VirtualHost, builder.Environment.ApplicationName, host =>
                {
                    host.Username(settings.Username);
                    host.Password(settings.Password);
                });
                rabbit.MessageTopology.SetEntityNameFormatter(new ContractEntityNameFormatter(rabbit.MessageTopology.EntityNameFormatter, prefix));
                // No delayed redelivery: it needs a broker plugin Debian's RabbitMQ lacks.
                rabbit.UseMessageRetry(retry => retry.Exponential(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(300)));
                rabbit.ConfigureEndpoints(context);
            });
        });
        builder.Services.Configure<MassTransitHostOptions>(options =>
        {
            options.WaitUntilStarted = false;
            options.StopTimeout = TimeSpan.FromSeconds(30);
        });
        return builder;
    }
}
