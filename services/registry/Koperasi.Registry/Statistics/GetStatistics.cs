using Koperasi.Registry.Supervision;
using Koperasi.ServiceDefaults.Regions;
using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Time;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace Koperasi.Registry.Statistics;

/// <summary>
/// Counts of koperasi by regency × activity × type × form × supervision level, now or on any
/// past date, from the statistics projection.
/// </summary>
public static class GetStatistics
{
    public sealed record Row(string? RegencyCode, string? RegencyName, string? Activity, string? Type, string? Form, string? SupervisionLevel, long Count);

    /// <summary>The counts of the day; <see cref="Supervision"/> holds the valid NIK koperasi and the KDMP coverage of that day (the supervision endpoints' same computation).</summary>
    public sealed record Response(DateOnly AsOf, long Total, long Aktif, long TidakAktif, IReadOnlyList<string> GroupBy, IReadOnlyList<Row> Rows, SupervisionFigures Supervision);

    public sealed record RegencyRow(string RegencyCode, string RegencyName, long Aktif, long TidakAktif, long Total);

    public sealed record RegencyTable(DateOnly AsOf, IReadOnlyList<RegencyRow> Rows, long Aktif, long TidakAktif, long Total);

    private static readonly string[] Dimensions = ["regency", "activity", "type", "form", "supervisionLevel"];

    public static void Map(RouteGroupBuilder registry)
    {
        registry.MapGet("/statistics", Handle)
            .WithName("GetStatistics")
            .RequireAuthorization(RegistryPolicies.Read)
            .WithTags("Statistics")
            .WithSummary("Statistics of the register")
            .WithDescription("Counts on asOf (default today, Jambi time), grouped by any of regency, activity, type, form, supervisionLevel (default regency and activity). Computed from the events' own dates, so any past date gives what the register says of that day. supervision holds the koperasi with a valid NIK koperasi and the KDMP coverage (desa with a KDMP / all desa, in total and per regency) on asOf, as the supervision endpoints valid-nik-koperasi and kdmp-coverage compute them.")
            .Produces<Response>()
            .ProducesValidationProblem();
        registry.MapGet("/statistics/regencies", HandleRegencies)
            .WithName("GetStatisticsByRegency")
            .RequireAuthorization(RegistryPolicies.Read)
            .WithTags("Statistics")
            .WithSummary("Aktif and tidak aktif per regency")
            .WithDescription("The table the Dinas publishes: per kabupaten/kota the aktif, tidak aktif and total koperasi on asOf.")
            .Produces<RegencyTable>()
            .ProducesValidationProblem();
    }

    private static async Task<Results<Ok<Response>, ValidationProblem>> Handle(
        IDocumentStore store, IQuerySession session, TimeProvider clock, CancellationToken cancellationToken, DateOnly? asOf = null, string[]? groupBy = null)
    {
        var today = clock.Today();
        var v = new RequestValidation();
        v.OptionalDate(asOf, "asOf", DateOnly.MinValue, latest: today);
        var dimensions = (groupBy is { Length: > 0 } ? groupBy.SelectMany(g => g.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) : ["regency", "activity"]).Distinct().ToList();
        foreach (var unknown in dimensions.Where(d => !Dimensions.Contains(d)))
        {
            v.Add("groupBy", $"Unknown dimension '{unknown}'; use {string.Join(", ", Dimensions)}.");
        }

        if (!v.IsValid)
        {
            return v.ToValidationProblem();
        }

        var day = asOf ?? today;
        var cells = await CountsAsync(store, day, cancellationToken);
        var rows = cells
            .GroupBy(c => new Row(
                Pick(dimensions, "regency", c.RegencyCode),
                Pick(dimensions, "regency", c.RegencyCode) is { } code ? Regencies.Get(code).DisplayName : null,
                Pick(dimensions, "activity", c.Activity),
                Pick(dimensions, "type", c.Type),
                Pick(dimensions, "form", c.Form),
                Pick(dimensions, "supervisionLevel", c.SupervisionLevel),
                0))
            .Select(g => g.Key with { Count = g.Sum(c => c.Count) })
            .OrderBy(r => r.RegencyCode).ThenBy(r => r.Activity).ThenBy(r => r.Type).ThenBy(r => r.Form).ThenBy(r => r.SupervisionLevel)
            .ToList();
        return TypedResults.Ok(new Response(
            day,
            cells.Sum(c => c.Count),
            cells.Where(c => c.Activity == "aktif").Sum(c => c.Count),
            cells.Where(c => c.Activity == "tidak-aktif").Sum(c => c.Count),
            dimensions,
            rows,
            await SupervisionStatistics.OnAsync(session, day, cancellationToken)));
    }

    private static async Task<Results<Ok<RegencyTable>, ValidationProblem>> HandleRegencies(
        IDocumentStore store, TimeProvider clock, CancellationToken cancellationToken, DateOnly? asOf = null)
    {
        var today = clock.Today();
        if (asOf > today)
        {
            return Problems.Validation("asOf", "Statistics are of facts: asOf cannot be after today.");
        }

        var day = asOf ?? today;
        var cells = await CountsAsync(store, day, cancellationToken);
        var rows = Regencies.All.Select(r =>
        {
            var aktif = cells.Where(c => c.RegencyCode == r.Code && c.Activity == "aktif").Sum(c => c.Count);
            var tidakAktif = cells.Where(c => c.RegencyCode == r.Code && c.Activity == "tidak-aktif").Sum(c => c.Count);
            return new RegencyRow(r.Code, r.DisplayName, aktif, tidakAktif, aktif + tidakAktif);
        }).ToList();
        return TypedResults.Ok(new RegencyTable(day, rows, rows.Sum(r => r.Aktif), rows.Sum(r => r.TidakAktif), rows.Sum(r => r.Total)));
    }

    private static string? Pick(List<string> dimensions, string dimension, string value) => dimensions.Contains(dimension) ? value : null;

    /// <summary>The count of every cell on the day given as <c>$1</c> (public so the benchmark explains the same SQL).</summary>
    public static string CountsSql(string schema) =>
        $"""
        select regency_code, activity, type, form, supervision_level, sum(change)
        from {schema}.{StatisticsProjection.TableName}
        where day <= $1
        group by regency_code, activity, type, form, supervision_level
        having sum(change) <> 0
        """;

    private sealed record Cell(string RegencyCode, string Activity, string Type, string Form, string SupervisionLevel, long Count);

    private static async Task<List<Cell>> CountsAsync(IDocumentStore store, DateOnly day, CancellationToken cancellationToken)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(CountsSql(store.Options.DatabaseSchemaName), connection);
        command.Parameters.AddWithValue(day);
        var cells = new List<Cell>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            cells.Add(new Cell(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetInt64(5)));
        }

        return cells;
    }
}
