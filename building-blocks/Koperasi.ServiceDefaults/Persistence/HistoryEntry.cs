using JasperFx.Events;

namespace Koperasi.ServiceDefaults.Persistence;

/// <summary>One event of a stream as a history shows it: what happened, who recorded it, in which role, and when.</summary>
public sealed record HistoryEntry(long Version, string Type, DateTimeOffset RecordedAt, string? Actor, string? ActorRole, object Data)
{
    public static HistoryEntry Of(IEvent e) =>
        new(e.Version, e.EventTypeName, e.Timestamp, e.UserName, EventHeaders.ActorRoleOf(e), e.Data);
}
