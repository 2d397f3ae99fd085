using JasperFx;
using Koperasi.Registry.Cooperatives;
using Marten;

namespace Koperasi.Registry.Supervision;

/// <summary>
/// After the upgrade that brought supervision: the koperasi registered before it have events but no
/// supervision document, so the worklists and statistics that query the documents (my koperasi,
/// overdue follow-ups, early warning per pembina, flagships, valid NIK koperasi, KDMP coverage)
/// would miss them. This folds the stream of every koperasi without one and stores it. Running it
/// again stores nothing new; a koperasi whose stream gets an event meanwhile has its document
/// written by the projection, complete, and is left as it is.
/// </summary>
public static class RebuildSupervisionDocuments
{
    /// <summary>What the run did: koperasi in the register, those without a supervision document, documents stored.</summary>
    public sealed record Result(int Cooperatives, int WithoutDocument, int Stored);

    private const int BatchSize = 200;

    public static void Map(RouteGroupBuilder registry) =>
        registry.MapPost("/ops/supervision/documents", Handle)
            .WithName("RebuildSupervisionDocuments")
            .RequireAuthorization(RegistryPolicies.Operate)
            .WithTags("Operations")
            .WithSummary("Write the supervision documents of koperasi registered before supervision")
            .WithDescription("For every koperasi without a supervision document (registered before supervision existed), folds its events into one and stores it, so my koperasi, the early warning per pembina, overdue follow-ups, flagships, valid NIK koperasi and KDMP coverage count it. Answers how many koperasi the register holds, how many had no document and how many were stored. Running it again stores nothing new.")
            .Produces<Result>();

    private static async Task<IResult> Handle(IDocumentStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await RunAsync(store, cancellationToken));

    public static async Task<Result> RunAsync(IDocumentStore store, CancellationToken cancellationToken)
    {
        IReadOnlyList<Guid> cooperatives;
        HashSet<Guid> documented;
        await using (var query = store.QuerySession())
        {
            cooperatives = await query.Query<Cooperative>().Select(c => c.Id).ToListAsync(cancellationToken);
            documented = [.. await query.Query<CooperativeSupervision>().Select(s => s.CooperativeId).ToListAsync(cancellationToken)];
        }

        var missing = cooperatives.Where(id => !documented.Contains(id)).Order().ToList();
        var stored = 0;
        foreach (var batch in missing.Chunk(BatchSize))
        {
            try
            {
                stored += await StoreAsync(store, batch, cancellationToken);
            }
            catch (DocumentAlreadyExistsException)
            {
                // One of them got an event meanwhile, and the projection wrote its document: one by one.
                foreach (var id in batch)
                {
                    try
                    {
                        stored += await StoreAsync(store, [id], cancellationToken);
                    }
                    catch (DocumentAlreadyExistsException)
                    {
                        // Written by the projection meanwhile, from the whole stream.
                    }
                }
            }
        }

        return new Result(cooperatives.Count, missing.Count, stored);
    }

    private static async Task<int> StoreAsync(IDocumentStore store, IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        var stored = 0;
        foreach (var id in ids)
        {
            var events = await session.Events.FetchStreamAsync(id, token: cancellationToken);
            if (events.Aggregate((CooperativeSupervision?)null, (state, e) => CooperativeSupervision.Fold(state, e.Data)) is { } supervision)
            {
                session.Insert(supervision);
                stored++;
            }
        }

        await session.SaveChangesAsync(cancellationToken);
        return stored;
    }
}
