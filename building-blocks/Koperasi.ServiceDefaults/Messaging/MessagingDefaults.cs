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
    /// user, exchanges named by contract URN, kebab-case queues that start with
    /// <c>&lt;service&gt;-</c> (see <see cref="BrokerNames"/>), both with the optional per-run
    /// prefix, consumer queues of the quorum type, in-memory exponential retry then the
    /// <c>_error</c> queue. The API keeps taking
    /// commands while the broker is down (the relay catches up).
    /// </summary>
    /// <remarks>
    /// The endpoints configured here publish no <c>Fault&lt;T&gt;</c>: MassTransit would publish it to
    /// an exchange named after CLR types, which no service's broker user may create, and nothing
    /// of the platform subscribes to faults. A message that fails for good lands in
    /// <c>&lt;queue&gt;_error</c> with the exception in its headers, where operators look and replay.
    /// </remarks>
    /// <param name="builder">The host.</param>
    /// <param name="service">The service's name as in deploy/services.txt (registry, transformation, funding).</param>
    /// <param name="configure">Consumers and other registrations of the service.</param>
    public static IHostApplicationBuilder AddKoperasiMessaging(
        this IHostApplicationBuilder builder,
        string service,
        Action<IBusRegistrationConfigurator>? configure = null)
    {
        var settings = builder.Configuration.GetSection("RabbitMq").Get<RabbitMqSettings>() ?? new RabbitMqSettings();
        var names = new BrokerNames(service, settings.EntityPrefix);
        var subscriptions = new ContractSubscriptions(names);
        builder.Services.AddSingleton(names);
        builder.Services.AddSingleton(subscriptions);

        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(names.EndpointNameFormatter);
            // MassTransit 8.4+ reports anonymous usage to an outside host by default: a government
            // system on a closed network sends nothing anywhere it was not told to.
            bus.DisableUsageTelemetry();
            bus.AddConfigureEndpointsCallback((_, endpoint) =>
            {
                endpoint.PublishFaults = false;
                // Quorum queues: a RabbitMQ cluster replicates them (a single node serves them too).
                // See docs/operations.md on upgrading classic queues.
                if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
                {
                    rabbit.SetQuorumQueue();
                }
            });
            configure?.Invoke(bus);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(settings.Host, (ushort)settings.Port, settings.VirtualHost, builder.Environment.ApplicationName, host =>
                {
                    host.Username(settings.Username);
                    host.Password(settings.Password);
                });
                rabbit.OverrideDefaultBusEndpointQueueName(names.CreateBusEndpointName());
                rabbit.MessageTopology.SetEntityNameFormatter(new ContractEntityNameFormatter(rabbit.MessageTopology.EntityNameFormatter, names.EntityPrefix, subscriptions));
                // No delayed redelivery: it needs a broker plugin Debian's RabbitMQ lacks.
                rabbit.UseMessageRetry(retry => retry.Exponential(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(300)));
                rabbit.ConfigureEndpoints(context);
            });
        });
        // After MassTransit's hosted service: the bus it builds names the exchanges to bind.
        builder.Services.AddHostedService(provider => new ContractSubscriptions.Binder(
            subscriptions, settings, provider, provider.GetRequiredService<Microsoft.Extensions.Logging.ILogger<ContractSubscriptions>>()));
        builder.Services.Configure<MassTransitHostOptions>(options =>
        {
            options.WaitUntilStarted = false;
            options.StopTimeout = TimeSpan.FromSeconds(30);
        });
        return builder;
    }
}
