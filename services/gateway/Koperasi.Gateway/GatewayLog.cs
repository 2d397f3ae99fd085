namespace Koperasi.Gateway;

internal static partial class GatewayLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Routing the {Service} service (its API and its OpenAPI document) to {Address}")]
    public static partial void Routing(ILogger logger, string service, Uri address);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No service is configured in the {Section} section: the gateway routes nothing")]
    public static partial void NoServices(ILogger logger, string section);
}
