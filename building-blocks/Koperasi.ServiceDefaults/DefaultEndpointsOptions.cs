namespace Koperasi.ServiceDefaults;

/// <summary>Which of the default endpoints a host maps.</summary>
public sealed class DefaultEndpointsOptions
{
    /// <summary>
    /// Map the host's own OpenAPI document at <c>/openapi/{documentName}.json</c> and its reference
    /// at <c>/reference</c> (default). A host with no API of its own, such as the gateway that
    /// serves its services' documents under those paths, turns this off.
    /// </summary>
    public bool ApiDocumentation { get; init; } = true;
}
