using Koperasi.ServiceDefaults.Identity;
using Marten;

namespace Koperasi.ServiceDefaults.Persistence;

/// <summary>
/// Opens lightweight sessions that stamp every appended event with the acting user, the role
/// and the W3C trace context, so histories say who did what and the relay continues the trace.
/// </summary>
internal sealed class ActorAwareSessionFactory(IDocumentStore store, ICurrentActor actor) : ISessionFactory
{
    public IQuerySession QuerySession() => store.QuerySession();

    public IDocumentSession OpenSession() => store.OpenSessionAs(actor.Name, actor.Role);
}
