using System.Text.RegularExpressions;
using MassTransit;

namespace Koperasi.ServiceDefaults.Messaging;

/// <summary>
/// The names a service gives its broker entities. In the running system every queue, and the
/// exchange of the same name MassTransit puts in front of it, starts with <c>&lt;service&gt;-</c>
/// (<c>registry-cooperative-registered</c>, <c>registry-cooperative-registered_error</c>,
/// <c>registry-bus-...</c>), and the exchange of a contract is its URN,
/// <c>koperasi:&lt;publisher&gt;:&lt;event&gt;:v&lt;N&gt;</c>. The broker user of each service may only
/// touch names of those shapes (deploy/services.txt). A test run puts its entity prefix before
/// both: <c>{prefix}.registry-...</c> and <c>{prefix}.koperasi:...</c>; only the test vhost allows that.
/// </summary>
public sealed partial class BrokerNames
{
    /// <summary>Creates the names of <paramref name="service"/>, with an optional per-run prefix.</summary>
    /// <param name="service">The service's name as in deploy/services.txt: lower-case letters and digits.</param>
    /// <param name="entityPrefix">A test run's prefix, or null in the running system.</param>
    public BrokerNames(string service, string? entityPrefix)
    {
        if (string.IsNullOrEmpty(service) || !ServiceName().IsMatch(service))
        {
            throw new ArgumentException($"'{service}' is not a service name: lower-case letters and digits, as in deploy/services.txt.", nameof(service));
        }

        Service = service;
        EntityPrefix = string.IsNullOrWhiteSpace(entityPrefix) ? null : entityPrefix;
        QueuePrefix = EntityPrefix is null ? $"{service}-" : $"{EntityPrefix}.{service}-";
        EndpointNameFormatter = new KebabCaseEndpointNameFormatter(QueuePrefix, false);
    }

    /// <summary>The service (registry, transformation, funding).</summary>
    public string Service { get; }

    /// <summary>A test run's prefix of every entity name, or null.</summary>
    public string? EntityPrefix { get; }

    /// <summary>What every queue (and endpoint exchange) of the service starts with.</summary>
    public string QueuePrefix { get; }

    /// <summary>Names the receive endpoints: kebab case after <see cref="QueuePrefix"/> (<c>registry-import-requested</c>).</summary>
    public IEndpointNameFormatter EndpointNameFormatter { get; }

    /// <summary>
    /// A name for the bus's own temporary endpoint (responses, and nothing durable): the service
    /// prefix, the machine, and a part unique to this process, so replicas never share it.
    /// </summary>
    public string CreateBusEndpointName()
    {
        var machine = new string([.. Environment.MachineName.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(24)]);
        return $"{QueuePrefix}bus-{(machine.Length > 0 ? machine + "-" : "")}{Guid.NewGuid():N}";
    }

    [GeneratedRegex("^[a-z][a-z0-9]*$")]
    private static partial Regex ServiceName();
}
