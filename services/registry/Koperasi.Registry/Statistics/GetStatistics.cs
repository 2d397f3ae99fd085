using Koperasi.Registry.Supervision;
using Koperasi.ServiceDefaults.Regions;
using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Time;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Registry.Statistics;

/// <summary>
/// Counts of koperasi by regency × activity × type × form × supervision level, now or on any
/// past date, from the statistics projection.
/// </summary>
public static class GetStatistics
{
    /// <summary>
    /// A row of the statistics: the dimensions grouped by (the others null), the koperasi counted
    /// and their members (the latest member count the register has for each on the day).
    /// </summary>
    public sealed record Row(
        string? RegencyCode, string? RegencyName, string? Activity, string? Type, string? Form, string? SupervisionLevel, long Count,
        string? KecamatanCode = null, string? KecamatanName = null, string? LegalStatus = null, bool? NikKoperasi = null, bool? Kdmp = null, long Members = 0);

    /// <summary>
    /// The counts of the day as known at <see cref="KnownOn"/> (null: now); <see cref="Supervision"/> holds the valid NIK
    /// koperasi and the KDMP coverage of that day, as known at <see cref="KnownOn"/> too (from the same cells).
    /// </summary>
    public sealed record Response(
        DateOnly AsOf, long Total, long Aktif, long TidakAktif, IReadOnlyList<string> GroupBy, IReadOnlyList<Row> Rows, SupervisionFigures Supervision,
        long Members = 0, DateTimeOffset? KnownOn = null);

    public sealed record RegencyRow(string RegencyCode, string RegencyName, long Aktif, long TidakAktif, long Total);

    public sealed record RegencyTable(DateOnly AsOf, IReadOnlyList<RegencyRow> Rows, long Aktif, long TidakAktif, long Total, DateTimeOffset? KnownOn = null);

    public static void Map(RouteGroupBuilder registry)
    {
        registry.MapGet("/statistics", Handle)
            .WithName("GetStatistics")
            .RequireAuthorization(RegistryPolicies.Read)
            .WithTags("Statistics")
            .WithSummary("Statistics of the register")
            .WithDescription(
                "Counts and member totals on asOf (default today, Jambi time) as the register knew them at knownOn (an ISO 8601 date-time with offset, or a date: the end of that day in Jambi; default now: "
                + "facts recorded after knownOn are left out), grouped by any of regency, kecamatan, activity, type, form, supervisionLevel, legalStatus (existing, dissolving, in-liquidation, dissolved), "
                + "nikKoperasi (a valid NIK koperasi on asOf) and kdmp (the KDMP of a desa on asOf); default regency and activity. Without legalStatus the dissolved koperasi are not counted; with it they have their own rows. "
                + "Computed from the events' own dates, so any past date gives what the register says of that day. members is the latest member count of each koperasi on asOf (registration, RAT, merger), summed. "
                + "supervision holds the koperasi with a valid NIK koperasi and the KDMP coverage (desa with a KDMP / all desa, in total and per regency) on asOf as known at knownOn, "
                + "by the rules of the supervision endpoints valid-nik-koperasi and kdmp-coverage (which answer as known now).")
            .Produces<Response>()
            .ProducesValidationProblem();
        registry.MapGet("/statistics/regencies", HandleRegencies)
            .WithName("GetStatisticsByRegency")
            .RequireAuthorization(RegistryPolicies.Read)
            .WithTags("Statistics")
            .WithSummary("Aktif and tidak aktif per regency")
            .WithDescription("The table the Dinas publishes: per kabupaten/kota the aktif, tidak aktif and total koperasi (not dissolved) on asOf, as the register knew them at knownOn (default now).")
            .Produces<RegencyTable>()
            .ProducesValidationProblem();
    }

    private static async Task<Results<Ok<Response>, ValidationProblem>> Handle(
        IDocumentStore store, TimeProvider clock, CancellationToken cancellationToken, DateOnly? asOf = null, string? knownOn = null, string[]? groupBy = null)
    {
        var today = clock.Today();
        var v = new RequestValidation();
        v.OptionalDate(asOf, "asOf", DateOnly.MinValue, latest: today);
        var known = StatisticsCells.ParseKnownOn(knownOn, clock.GetUtcNow(), v);
        var dimensions = StatisticsCells.ParseGroupBy(groupBy, v);
        if (!v.IsValid)
        {
            return v.ToValidationProblem();
        }

        var day = asOf ?? today;
        var all = await StatisticsCells.OnAsync(store, day, known, cancellationToken);
        var cells = StatisticsCells.Counted(all, dimensions).ToList();
        return TypedResults.Ok(new Response(
            day,
            cells.Sum(c => c.Count),
            cells.Where(c => c.Activity == "aktif").Sum(c => c.Count),
            cells.Where(c => c.Activity == "tidak-aktif").Sum(c => c.Count),
            dimensions,
            StatisticsCells.Rows(cells, dimensions),
            StatisticsCells.SupervisionOf(all),
            cells.Sum(c => c.Members),
            known));
    }

    private static async Task<Results<Ok<RegencyTable>, ValidationProblem>> HandleRegencies(
        IDocumentStore store, TimeProvider clock, CancellationToken cancellationToken, DateOnly? asOf = null, string? knownOn = null)
    {
        var today = clock.Today();
        var v = new RequestValidation();
        v.OptionalDate(asOf, "asOf", DateOnly.MinValue, latest: today);
        var known = StatisticsCells.ParseKnownOn(knownOn, clock.GetUtcNow(), v);
        if (!v.IsValid)
        {
            return v.ToValidationProblem();
        }

        var day = asOf ?? today;
        var cells = StatisticsCells.Counted(await StatisticsCells.OnAsync(store, day, known, cancellationToken), []).ToList();
        var rows = Regencies.All.Select(r =>
        {
            var aktif = cells.Where(c => c.RegencyCode == r.Code && c.Activity == "aktif").Sum(c => c.Count);
            var tidakAktif = cells.Where(c => c.RegencyCode == r.Code && c.Activity == "tidak-aktif").Sum(c => c.Count);
            return new RegencyRow(r.Code, r.DisplayName, aktif, tidakAktif, aktif + tidakAktif);
        }).ToList();
        return TypedResults.Ok(new RegencyTable(day, rows, rows.Sum(r => r.Aktif), rows.Sum(r => r.TidakAktif), rows.Sum(r => r.Total), known));
    }

    /// <summary>The count of every cell on the day given as <c>$1</c> (public so the benchmark explains the same SQL).</summary>
    public static string CountsSql(string schema) => StatisticsCells.CountsSql(schema, knownOn: false);
}
