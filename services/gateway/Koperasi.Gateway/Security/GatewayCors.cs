namespace Koperasi.Gateway.Security;

/// <summary>
/// Browsers on other origins are refused unless <c>Cors:AllowedOrigins</c> lists them; the list
/// is empty by default, so a page elsewhere cannot call the API with a user's browser.
/// </summary>
internal static class GatewayCors
{
    public static IServiceCollection AddGatewayCors(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [];
        services.AddCors(options => options.AddDefaultPolicy(policy =>
        {
            if (origins.Length > 0)
            {
                policy.WithOrigins(origins)
                    .AllowAnyMethod()
                    .AllowAnyHeader()
                    .WithExposedHeaders("Location", "ETag");
            }
        }));
        return services;
    }
}
