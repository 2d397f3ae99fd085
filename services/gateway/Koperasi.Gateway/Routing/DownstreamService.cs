using System.Text.RegularExpressions;

namespace Koperasi.Gateway.Routing;

/// <summary>
/// A service behind the gateway. Its name is the path segment of its API (<c>/api/registry/...</c>)
/// and of its OpenAPI document (<c>/openapi/registry.json</c>); its addresses are where its replicas
/// listen (one or more, separated by commas).
/// </summary>
internal sealed partial record DownstreamService(string Name, IReadOnlyList<Uri> Addresses)
{
    /// <summary>The first replica's address.</summary>
    public Uri Address => Addresses[0];

    /// <summary>The configuration section that maps a service name to its base address.</summary>
    public const string Section = "Services";

    public string ApiPattern => $"/api/{Name}/{{**catch-all}}";

    public string DocumentPath => $"/openapi/{Name}.json";

    /// <summary>The AsyncAPI document of the integration events the service publishes.</summary>
    public string AsyncApiPath => $"/asyncapi/{Name}.json";

    /// <summary>
    /// Reads every entry of <see cref="Section"/>; a wrong entry stops the start with its reason. An entry
    /// with an empty address turns that service off (<c>Services__Transformation=</c> runs the gateway
    /// without it), since an entry of appsettings.json cannot otherwise be removed from the environment.
    /// </summary>
    public static IReadOnlyList<DownstreamService> ReadAll(IConfiguration configuration) =>
    [
        .. configuration.GetSection(Section).GetChildren()
            .Where(entry => !string.IsNullOrWhiteSpace(entry.Value))
            .Select(entry => Parse(entry.Key, entry.Value))
            .OrderBy(service => service.Name, StringComparer.Ordinal),
    ];

    private static DownstreamService Parse(string key, string? value)
    {
        var name = key.ToLowerInvariant();
        var addresses = (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(address => Parse(key, name, address))
            .ToList();
        if (addresses.Count == 0)
        {
            throw new InvalidOperationException($"{Section}:{key}: '{value}' is not an absolute http(s) address.");
        }

        if (addresses.Distinct().Count() != addresses.Count)
        {
            throw new InvalidOperationException($"{Section}:{key}: an address is listed twice.");
        }

        return new DownstreamService(name, addresses);
    }

    private static Uri Parse(string key, string name, string value)
    {
        if (!ServiceName().IsMatch(name))
        {
            throw new InvalidOperationException($"{Section}:{key}: a service name is letters, digits and hyphens, starting with a letter.");
        }

        if (name == Reference.Overview.Name)
        {
            throw new InvalidOperationException($"{Section}:{key}: '{name}' is the name of the gateway's own overview document; give the service another name.");
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var address) || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
        {
            throw new InvalidOperationException($"{Section}:{key}: '{value}' is not an absolute http(s) address.");
        }

        return address;
    }

    [GeneratedRegex("^[a-z][a-z0-9-]*$")]
    private static partial Regex ServiceName();
}
