using Koperasi.Registry.Activity;
using Koperasi.Registry.Cooperatives;
using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Regions;
using Koperasi.ServiceDefaults.Telemetry;
using Koperasi.ServiceDefaults.Time;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Koperasi.Registry.Statistics;

/// <summary>The reports the province publishes beside the statistics: RAT compliance of a financial year, and dissolutions per year.</summary>
public static class Reports
{
    public const string Tag = "Reports";

    public sealed record ComplianceRow(string RegencyCode, string RegencyName, long Koperasi, long OnTime, long Late, long None);

    /// <summary>
    /// RAT compliance of <see cref="FinancialYear"/>: of the koperasi that were legal entities by the
    /// end of that year and not dissolved by the deadline, those that held its RAT before the deadline
    /// (on time), on or after it (late), or not yet (none).
    /// </summary>
    public sealed record RatCompliance(int FinancialYear, DateOnly Deadline, IReadOnlyList<ComplianceRow> Rows, long Koperasi, long OnTime, long Late, long None);

    public sealed record DissolutionRow(int Year, string RegencyCode, string RegencyName, long Count, IReadOnlyDictionary<string, long> ByReason);

    public sealed record Dissolutions(IReadOnlyList<DissolutionRow> Rows, long Total);

    public static void Map(RouteGroupBuilder registry)
    {
        var reports = registry.MapGroup("/reports").WithTags(Tag);
        reports.MapGet("/rat-compliance", HandleCompliance)
            .WithName("GetRatCompliance")
            .RequireAuthorization(RegistryPolicies.Read)
            .WithSummary("RAT compliance of a financial year per regency")
            .WithDescription(
                "Per kabupaten/kota, of the koperasi that were legal entities by 31 December of financialYear (required) and not dissolved by its RAT deadline "
                + "(the end of the policy's months after the financial year, six by default): onTime held the RAT of that year before the deadline, late on or after it, none not yet.")
            .Produces<RatCompliance>()
            .ProducesValidationProblem();
        reports.MapGet("/dissolutions", HandleDissolutions)
            .WithName("GetDissolutions")
            .RequireAuthorization(RegistryPolicies.Read)
            .WithSummary("Koperasi dissolved per year and regency")
            .WithDescription("The koperasi dissolved, per year the dissolution took effect and kabupaten/kota, with the count of each reason (members-meeting, government, merger, amalgamation). Optional from and to (years) bound it.")
            .Produces<Dissolutions>()
            .ProducesValidationProblem();
    }

    private static async Task<Results<Ok<RatCompliance>, ValidationProblem>> HandleCompliance(
        IDocumentStore store, TimeProvider clock, IOptions<ActivityPolicy> policy, CancellationToken cancellationToken, int? financialYear = null)
    {
        var v = new RequestValidation();
        v.Check(financialYear is not null, "financialYear", "Give the financial year (e.g. 2024).");
        v.Year(financialYear, "financialYear", FieldRules.EarliestCooperativeDate.Year, clock.Today().Year);
        if (!v.IsValid)
        {
            return v.ToValidationProblem();
        }

        var year = financialYear!.Value;
        var deadline = policy.Value.DeadlineOf(year);
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"""
            select c.data -> 'address' ->> 'regencyCode',
                case when r.held is null then 'none' when r.held < $2 then 'on-time' else 'late' end,
                count(*)
            from {BusinessGauges.DocumentTable<Cooperative>(store)} c
            left join lateral (
                select min((x ->> 'heldOn')::date) as held
                from jsonb_array_elements(coalesce(c.data -> 'rats', '[]'::jsonb)) x
                where (x ->> 'financialYear')::int = $1
            ) r on true
            where (c.data -> 'legalEntity' ->> 'decreeDate')::date <= $3
              and coalesce((c.data -> 'dissolution' ->> 'effectiveOn')::date > $2, true)
            group by 1, 2
            """,
            connection);
        command.Parameters.AddWithValue(year);
        command.Parameters.AddWithValue(deadline);
        command.Parameters.AddWithValue(new DateOnly(year, 12, 31));
        var counts = new List<(string Regency, string Compliance, long Count)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                counts.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2)));
            }
        }

        long Count(string regency, string compliance) => counts.Where(c => c.Regency == regency && c.Compliance == compliance).Sum(c => c.Count);
        var rows = Regencies.All.Select(r => new ComplianceRow(
            r.Code, r.DisplayName, counts.Where(c => c.Regency == r.Code).Sum(c => c.Count), Count(r.Code, "on-time"), Count(r.Code, "late"), Count(r.Code, "none"))).ToList();
        return TypedResults.Ok(new RatCompliance(year, deadline, rows, rows.Sum(r => r.Koperasi), rows.Sum(r => r.OnTime), rows.Sum(r => r.Late), rows.Sum(r => r.None)));
    }

    private static async Task<Results<Ok<Dissolutions>, ValidationProblem>> HandleDissolutions(
        IDocumentStore store, TimeProvider clock, CancellationToken cancellationToken, int? from = null, int? to = null)
    {
        var v = new RequestValidation();
        var thisYear = clock.Today().Year;
        v.Year(from, "from", FieldRules.EarliestCooperativeDate.Year, thisYear);
        v.Year(to, "to", FieldRules.EarliestCooperativeDate.Year, thisYear);
        v.Check(from is null || to is null || from <= to, "to", "A period ends on or after the year it starts.");
        if (!v.IsValid)
        {
            return v.ToValidationProblem();
        }

        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"""
            select extract(year from (data -> 'dissolution' ->> 'effectiveOn')::date)::int, data -> 'address' ->> 'regencyCode', data -> 'dissolution' ->> 'reason', count(*)
            from {BusinessGauges.DocumentTable<Cooperative>(store)}
            where (data -> 'dissolution' ->> 'effectiveOn') is not null
            group by 1, 2, 3
            """,
            connection);
        var counts = new List<(int Year, string Regency, string Reason, long Count)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var reason = Enum.TryParse<DissolutionReason>(reader.GetString(2), out var parsed) ? KebabEnum.Name(parsed) : reader.GetString(2);
                counts.Add((reader.GetInt32(0), reader.GetString(1), reason, reader.GetInt64(3)));
            }
        }

        var rows = counts
            .Where(c => (from is null || c.Year >= from) && (to is null || c.Year <= to))
            .GroupBy(c => (c.Year, c.Regency))
            .OrderBy(g => g.Key.Year).ThenBy(g => g.Key.Regency, StringComparer.Ordinal)
            .Select(g => new DissolutionRow(
                g.Key.Year, g.Key.Regency, Regencies.Get(g.Key.Regency).DisplayName, g.Sum(c => c.Count),
                g.GroupBy(c => c.Reason).OrderBy(r => r.Key, StringComparer.Ordinal).ToDictionary(r => r.Key, r => r.Sum(c => c.Count))))
            .ToList();
        return TypedResults.Ok(new Dissolutions(rows, rows.Sum(r => r.Count)));
    }
}
