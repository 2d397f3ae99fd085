namespace Koperasi.ServiceDefaults.Messaging;

/// <summary>Settings of the "RabbitMq" configuration section.</summary>
public sealed class RabbitMqSettings
{
    /// <summary>Broker host.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>AMQP port.</summary>
    public int Port { get; set; } = 5672;

    /// <summary>Virtual host.</summary>
    public string VirtualHost { get; set; } = "koperasi";

    /// <summary>The service's own broker user.</summary>
    public string Username { get; set; } = "";

    /// <summary>Its password.</summary>
    public string Password { get; set; } = "";

    /// <summary>
    /// Prefix of every exchange and queue name; tests use one per run to stay isolated. Only the
    /// test vhost allows prefixed names: the running system leaves it empty.
    /// </summary>
    public string? EntityPrefix { get; set; }
}
