using Koperasi.ServiceDefaults.Http;

namespace Koperasi.Transformation.Dissolutions;

/// <summary>
/// The dissolution's settings, and the adapter to the ministry: an outside party called as the bank is
/// (<see cref="OutsideParty"/>: retries are safe, every attempt carries the batch's idempotency key).
/// </summary>
public static class MinistryFeature
{
    public const string PipelineName = "ministry";

    public static IServiceCollection AddDissolutionOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DissolutionOptions>()
            .Bind(configuration.GetSection(DissolutionOptions.Section))
            .Validate(options => { options.Validate(); return true; })
            .ValidateOnStart();
        return services;
    }

    public static IServiceCollection AddMinistryAdapter(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOutsideParty<MinistryClient, MinistrySettings>(configuration, MinistrySettings.Section, PipelineName);
        return services;
    }
}
