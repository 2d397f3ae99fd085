using Koperasi.ServiceDefaults.Identity;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Koperasi.ServiceDefaults.PersonalData;

/// <summary>Registers the personal-data vault of a service (decision 0009).</summary>
public static class PersonalDataVaultExtensions
{
    /// <summary>
    /// Adds <see cref="IPersonalDataVault"/> (scoped: it records the current actor), its documents
    /// in the service's Marten store (call <c>AddKoperasiMarten</c> too, before or after), the
    /// access log and <see cref="PersonalDataKeyRotation"/>. Reads the keys from the
    /// <c>PersonalData</c> section now, so a missing or weak key stops the service at start-up with
    /// a message naming the setting. Calling it again changes nothing.
    /// </summary>
    public static IHostApplicationBuilder AddPersonalDataVault(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Services.Any(d => d.ServiceType == typeof(PersonalDataKeyRing)))
        {
            return builder;
        }

        var settings = new PersonalDataSettings();
        builder.Configuration.GetSection(PersonalDataSettings.Section).Bind(settings);
        var keys = PersonalDataKeyRing.From(settings);

        builder.Services.AddSingleton(keys);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHttpContextAccessor();
        builder.Services.TryAddScoped<ICurrentActor, CurrentActor>();
        builder.Services.AddScoped<IPersonalDataVault, PersonalDataVault>();
        builder.Services.AddSingleton(provider => new PersonalDataKeyRotation(
            provider.GetRequiredService<IDocumentStore>(), keys, provider.GetRequiredService<ILogger<PersonalDataKeyRotation>>()));
        builder.Services.ConfigureMarten(PersonalDataDocuments.Register);
        return builder;
    }
}
