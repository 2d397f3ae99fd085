using Koperasi.ServiceDefaults.Identity;
using Koperasi.ServiceDefaults.Persistence;
using Marten;

namespace Koperasi.Registry.Cooperatives;

/// <summary>
/// The one-off mapping of existing koperasi: each one registered with a free-text kecamatan gets the
/// Kemendagri code of the kecamatan of its regency whose name matches (one event per koperasi), and
/// the free text stays. Run it again and nothing changes.
/// </summary>
public static class MapKecamatanCodes
{
    /// <summary>A free-text kecamatan no kecamatan of its regency is called, and how many koperasi carry it.</summary>
    public sealed record UnmatchedName(string RegencyCode, string Kecamatan, int Cooperatives);

    /// <summary>What the run did: koperasi without a code looked at, codes recorded, names left as they are.</summary>
    public sealed record Result(int WithoutCode, int Recorded, IReadOnlyList<UnmatchedName> Unmatched);

    private const int BatchSize = 200;

    public static void Map(RouteGroupBuilder registry) =>
        registry.MapPost("/ops/places/mapping", Handle)
            .WithName("MapKecamatanCodes")
            .RequireAuthorization(RegistryPolicies.Operate)
            .WithTags("Operations")
            .WithSummary("Record the kecamatan code of existing koperasi")
            .WithDescription("For every koperasi without a kecamatan code, records the Kemendagri code of the kecamatan of its regency whose name its free-text kecamatan matches (case and spacing ignored), one event per koperasi. Answers how many were recorded and the names that matched none; those keep their free text. Running it again records nothing new.")
            .Produces<Result>();

    private static async Task<IResult> Handle(IDocumentStore store, ICurrentActor actor, CancellationToken cancellationToken) =>
        TypedResults.Ok(await RunAsync(store, actor.Name, actor.Role, cancellationToken));

    public static async Task<Result> RunAsync(IDocumentStore store, string actor, string? role, CancellationToken cancellationToken)
    {
        IReadOnlyList<Guid> ids;
        await using (var query = store.QuerySession())
        {
            ids = await query.Query<Cooperative>()
                .Where(c => c.Address.KecamatanCode == null)
                .OrderBy(c => c.Id)
                .Select(c => c.Id)
                .ToListAsync(cancellationToken);
        }

        var recorded = 0;
        var unmatched = new List<Address>();
        foreach (var batch in ids.Chunk(BatchSize))
        {
            try
            {
                recorded += await RecordAsync(store, actor, role, batch, unmatched, cancellationToken);
            }
            catch (JasperFx.ConcurrencyException)
            {
                // One of them changed meanwhile: record each on its own, on fresh state.
                foreach (var id in batch)
                {
                    recorded += await RecordOneAsync(store, actor, role, id, unmatched, cancellationToken);
                }
            }
        }

        return new Result(
            ids.Count,
            recorded,
            [.. unmatched
                .GroupBy(a => (a.RegencyCode, a.Kecamatan))
                .Select(g => new UnmatchedName(g.Key.RegencyCode, g.Key.Kecamatan, g.Count()))
                .OrderBy(u => u.RegencyCode, StringComparer.Ordinal)
                .ThenBy(u => u.Kecamatan, StringComparer.Ordinal)]);
    }

    private static async Task<int> RecordAsync(
        IDocumentStore store, string actor, string? role, IReadOnlyList<Guid> ids, List<Address> unmatched, CancellationToken cancellationToken)
    {
        await using var session = store.OpenSessionAs(actor, role);
        var recorded = 0;
        var notFound = new List<Address>();
        foreach (var id in ids)
        {
            var stream = await session.Events.FetchForWriting<Cooperative>(id, cancellationToken);
            if (stream.Aggregate is not { } cooperative)
            {
                continue;
            }

            var decision = cooperative.RecordKecamatanCode();
            if (decision.Events.Count > 0)
            {
                stream.AppendMany(decision.Events);
                recorded++;
            }
            else if (cooperative.Address.KecamatanCode is null)
            {
                notFound.Add(cooperative.Address);
            }
        }

        await session.SaveChangesAsync(cancellationToken);
        unmatched.AddRange(notFound);
        return recorded;
    }

    private static async Task<int> RecordOneAsync(
        IDocumentStore store, string actor, string? role, Guid id, List<Address> unmatched, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await RecordAsync(store, actor, role, [id], unmatched, cancellationToken);
            }
            catch (JasperFx.ConcurrencyException) when (attempt < 3)
            {
                // Changed again while we looked: read it afresh.
            }
        }
    }
}
