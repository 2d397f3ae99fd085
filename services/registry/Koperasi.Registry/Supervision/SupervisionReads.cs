using Koperasi.Registry.Cooperatives;
using Koperasi.ServiceDefaults.Http;
using Marten;

namespace Koperasi.Registry.Supervision;

/// <summary>The documents the supervision worklists and statistics read, narrowed to a regency or a pembina's koperasi.</summary>
public static class SupervisionReads
{
    /// <summary>Checks the common filters: a regency (either spelling) and a pembina's user id, both optional.</summary>
    public static (string? Regency, string? Pembina) Filters(RequestValidation v, string? regency, string? pembinaUserId)
    {
        var code = v.Regency(regency, "regency", required: false);
        v.Name(pembinaUserId, "pembinaUserId", 100, required: false);
        return (code, FieldRules.Present(pembinaUserId));
    }

    /// <summary>The supervision documents of a regency (or all), narrowed to those a pembina supervised on <paramref name="day"/>.</summary>
    public static async Task<IReadOnlyList<CooperativeSupervision>> SupervisionAsync(
        IQuerySession session, string? regency, string? pembina, DateOnly day, CancellationToken cancellationToken)
    {
        var query = regency is null
            ? session.Query<CooperativeSupervision>()
            : session.Query<CooperativeSupervision>().Where(s => s.RegencyCode == regency);
        var all = await query.ToListAsync(cancellationToken);
        return pembina is null ? all : SupervisionQueries.KoperasiOf(all, pembina, day);
    }

    /// <summary>The koperasi of a regency (or all), narrowed to those a pembina supervised on <paramref name="day"/>.</summary>
    public static async Task<IReadOnlyList<Cooperative>> CooperativesAsync(
        IQuerySession session, string? regency, string? pembina, DateOnly day, CancellationToken cancellationToken)
    {
        if (pembina is not null)
        {
            var supervised = await SupervisionAsync(session, regency, pembina, day, cancellationToken);
            return supervised.Count == 0
                ? []
                : await session.LoadManyAsync<Cooperative>(cancellationToken, supervised.Select(s => s.CooperativeId));
        }

        var query = regency is null
            ? session.Query<Cooperative>()
            : session.Query<Cooperative>().Where(c => c.Address.RegencyCode == regency);
        return await query.ToListAsync(cancellationToken);
    }
}
