using JasperFx.Events;

namespace Koperasi.ServiceDefaults.Persistence;

/// <summary>Names of the metadata headers stored with every event.</summary>
public static class EventHeaders
{
    /// <summary>W3C trace context of the request that appended the event; the relay continues it.</summary>
    public const string TraceParent = "traceparent";

    /// <summary>The role the actor acted in.</summary>
    public const string ActorRole = "actor-role";

    /// <summary>The role the event was recorded in, when its header says.</summary>
    public static string? ActorRoleOf(IEvent e) =>
        e.Headers?.TryGetValue(ActorRole, out var role) == true ? role?.ToString() : null;
}
