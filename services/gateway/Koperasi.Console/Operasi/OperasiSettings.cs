using Microsoft.Extensions.Configuration;

namespace Koperasi.Console.Operasi;

/// <summary>
/// What the Operasi page watches, from configuration: the services behind the gateway
/// (<c>Services:{Name}</c>, one or more replica addresses separated by commas, as the gateway's
/// proxy reads them), RabbitMQ's management API (<c>Console:Operasi:RabbitMqManagementUrl</c>, with
/// <c>Console:Operasi:RabbitMqUser</c>/<c>RabbitMqPassword</c> or the user in the address,
/// <c>Console:Operasi:RabbitMqVirtualHost</c>, default <c>/</c>, and optionally
/// <c>Console:Operasi:QueuePrefix</c> to show only the platform's queues) and the links to Grafana and
/// Prometheus (<c>Console:Operasi:GrafanaUrl</c>, <c>Console:Operasi:PrometheusUrl</c>). Anything not
/// configured is shown as such.
/// </summary>
public sealed record OperasiSettings(
    IReadOnlyList<(string Name, IReadOnlyList<Uri> Replicas)> Services,
    Uri? RabbitMqManagement, string? RabbitMqUser, string? RabbitMqPassword, string VirtualHost, string? QueuePrefix,
    Uri? Grafana, Uri? Prometheus)
{
    public const string Section = "Console:Operasi";

    public bool RabbitMqConfigured => RabbitMqManagement is not null;

    public static OperasiSettings Read(IConfiguration configuration)
    {
        var services = configuration.GetSection("Services").GetChildren()
            .Where(entry => !string.IsNullOrWhiteSpace(entry.Value))
            .Select(entry => (Name: entry.Key.ToLowerInvariant(), Replicas: (IReadOnlyList<Uri>)[.. Addresses(entry.Value!)]))
            .Where(service => service.Replicas.Count > 0)
            .OrderBy(service => service.Name, StringComparer.Ordinal)
            .ToList();
        var section = configuration.GetSection(Section);
        var management = Absolute(section["RabbitMqManagementUrl"]);
        string? user = Blank(section["RabbitMqUser"]), password = Blank(section["RabbitMqPassword"]);
        if (management is not null && !string.IsNullOrEmpty(management.UserInfo))
        {
            // The user may come in the address (http://user:password@host:15672/); it never goes further than the Authorization header.
            var parts = management.UserInfo.Split(':', 2);
            user ??= Uri.UnescapeDataString(parts[0]);
            password ??= parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : null;
            management = new UriBuilder(management) { UserName = "", Password = "" }.Uri;
        }

        return new OperasiSettings(
            services, management, user, password, Blank(section["RabbitMqVirtualHost"]) ?? "/", Blank(section["QueuePrefix"]),
            Absolute(section["GrafanaUrl"]), Absolute(section["PrometheusUrl"]));
    }

    private static IEnumerable<Uri> Addresses(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Absolute).OfType<Uri>();

    private static Uri? Absolute(string? value) =>
        Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri : null;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
