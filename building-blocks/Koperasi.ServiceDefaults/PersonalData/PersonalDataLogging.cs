using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Koperasi.ServiceDefaults.PersonalData;

/// <summary>Keeps NIKs out of every log record the service writes.</summary>
public static class PersonalDataLogging
{
    /// <summary>
    /// Replaces the registered <see cref="ILoggerFactory"/> with one that wraps it: every logger
    /// (including each <c>ILogger&lt;T&gt;</c>, which is built from the factory) hands every
    /// provider (console, OpenTelemetry, a test's) a record whose message, structured values,
    /// scopes and exception have their NIKs masked. The providers, filters and levels stay as
    /// configured. Calling it again changes nothing.
    /// </summary>
    public static IServiceCollection AddPersonalDataLogScrubbing(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(Marker)))
        {
            return services;
        }

        services.AddLogging();
        var factories = services.Where(d => d.ServiceType == typeof(ILoggerFactory) && !d.IsKeyedService).ToList();
        var effective = factories[^1];
        foreach (var descriptor in factories)
        {
            services.Remove(descriptor);
        }

        services.AddSingleton<ILoggerFactory>(provider => Wrap(provider, effective));
        services.AddSingleton<Marker>();
        return services;
    }

    // Built as the container would have built it; the wrapper disposes what the container would have.
    private static ScrubbingLoggerFactory Wrap(IServiceProvider provider, ServiceDescriptor original) => original switch
    {
        { ImplementationInstance: ILoggerFactory instance } => new(instance, ownsInner: false),
        { ImplementationFactory: { } create } => new((ILoggerFactory)create(provider), ownsInner: true),
        _ => new((ILoggerFactory)ActivatorUtilities.CreateInstance(provider, original.ImplementationType!), ownsInner: true),
    };

    private sealed class Marker;
}
