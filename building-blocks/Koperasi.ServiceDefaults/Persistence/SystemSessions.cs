using System.Diagnostics;
using Marten;

namespace Koperasi.ServiceDefaults.Persistence;

/// <summary>Sessions for work no user started (schedules, imports, consumers, the demo load).</summary>
public static class SystemSessions
{
    /// <summary>Opens a lightweight session whose events record <paramref name="actor"/> as who acted.</summary>
    public static IDocumentSession OpenSessionAs(this IDocumentStore store, string actor, string? role = "system")
    {
        var session = store.LightweightSession();
        Stamp(session, actor, role);
        return session;
    }

    internal static void Stamp(IDocumentSession session, string actor, string? role)
    {
        session.LastModifiedBy = actor;
        if (role is not null)
        {
            session.SetHeader(EventHeaders.ActorRole, role);
        }

        if (Activity.Current?.Id is { } traceParent)
        {
            session.SetHeader(EventHeaders.TraceParent, traceParent);
        }
    }
}
