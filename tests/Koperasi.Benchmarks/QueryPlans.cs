using Koperasi.Registry.Cooperatives;
using Koperasi.Registry.Statistics;
using Marten;
using Marten.Linq;
using Npgsql;

namespace Koperasi.Benchmarks;

/// <summary>A query's plan as PostgreSQL ran it, for the report.</summary>
public sealed record QueryPlan(string Name, string Sql, string Plan);

/// <summary>
/// EXPLAIN (ANALYZE, BUFFERS) of the SQL behind the timed endpoints: the statistics query as the
/// Registry runs it, and the list queries as Marten writes them for the same filters.
/// </summary>
public static class QueryPlans
{
    public static async Task<IReadOnlyList<QueryPlan>> ExplainAsync(BenchmarkDatabase database, DateOnly today)
    {
        var plans = new List<QueryPlan>();
        var statistics = GetStatistics.CountsSql(database.Schema);
        plans.Add(new QueryPlan("statistics, today", statistics, await database.ExplainAsync(statistics, [new NpgsqlParameter { Value = today }])));

        using var store = database.BuildStore();
        await using var session = store.QuerySession();
        var filtered = session.Query<Cooperative>()
            .Where(c => c.Address.RegencyCode == "1571" && c.Activity == ActivityStatus.TidakAktif);
        plans.AddRange(await ListAsync(database, "list, regency=1571&activity=tidak-aktif&page=10", filtered, page: 10));
        var named = session.Query<Cooperative>().Where(c => c.Name.Contains(Benchmark.CommonWord, StringComparison.OrdinalIgnoreCase));
        plans.AddRange(await ListAsync(database, $"list, q={Benchmark.CommonWord}", named, page: 1));
        return plans;
    }

    /// <summary>The two queries ListCooperatives runs: the total, then the page sorted by name and id.</summary>
    private static async Task<QueryPlan[]> ListAsync(BenchmarkDatabase database, string name, IQueryable<Cooperative> query, int page)
    {
        const int PageSize = 50;
        var count = query.ToCommand(FetchType.Count);
        var rows = query.OrderBy(c => c.Name).ThenBy(c => c.Id).Skip((page - 1) * PageSize).Take(PageSize).ToCommand(FetchType.FetchMany);
        return
        [
            new QueryPlan($"{name}: total", count.CommandText, await database.ExplainAsync(count.CommandText, count.Parameters)),
            new QueryPlan($"{name}: page", rows.CommandText, await database.ExplainAsync(rows.CommandText, rows.Parameters)),
        ];
    }
}
