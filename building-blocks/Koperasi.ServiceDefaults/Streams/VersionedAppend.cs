using Marten;

namespace Koperasi.ServiceDefaults.Streams;

/// <summary>
/// An append to another stream at the version its inline document was read at, for a group that
/// loads many streams' documents in one query instead of fetching each for writing (ADR 0030). The
/// expected version tells Marten the stream's version, so the inline projection stores the new
/// document at its real version; a writer that committed in between fails the commit. The only
/// append outside <c>FetchForWriting</c> (see <c>StreamAppendTests</c>).
/// </summary>
public static class VersionedAppend
{
    /// <summary>Appends <paramref name="events"/> to stream <paramref name="id"/>, whose document was read at <paramref name="versionRead"/>.</summary>
    public static void AppendAt(this IDocumentSession session, Guid id, long versionRead, params object[] events)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(events);
        session.Events.Append(id, versionRead + events.Length, events);
    }
}
