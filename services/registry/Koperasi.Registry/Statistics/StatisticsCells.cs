using System.Globalization;
using System.Text.RegularExpressions;
using Koperasi.Registry.Supervision;
using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Regions;
using Koperasi.ServiceDefaults.Time;
using Marten;
using Npgsql;

namespace Koperasi.Registry.Statistics;

/// <summary>One cell of the statistics on a day: the koperasi counted under it and their members.</summary>
public sealed record StatisticsCount(
    string RegencyCode, string? KecamatanCode, string? KecamatanName, string Activity, string Type, string Form, string SupervisionLevel,
    string LegalStatus, bool NikKoperasi, bool Kdmp, long Count, long Members)
{
    public const string Dissolved = "dissolved";
}

/// <summary>A change the register learnt after a moment: which koperasi, which event, for which day, recorded when.</summary>
public sealed record LateChange(Guid CooperativeId, string EventType, DateOnly Day, DateTimeOffset Recorded, StatisticsCount Cell);

/// <summary>
/// The statistics on a business date as the register knew them at a moment (ADR 0016): the dated
/// changes up to the day, less those recorded after the moment.
/// </summary>
public static partial class StatisticsCells
{
    /// <summary>The dimensions of <c>groupBy</c>.</summary>
    public static readonly string[] Dimensions = ["regency", "kecamatan", "activity", "type", "form", "supervisionLevel", "legalStatus", "nikKoperasi", "kdmp"];

    private const string Columns = StatisticsProjection.CellColumns;

    /// <summary>
    /// The count of every cell on the day <c>$1</c> as known now (the yearly subtotals of the years
    /// before its year, and the changes of its year up to it); with a moment <c>$2</c>, less the changes
    /// recorded after it (public so the benchmark explains the same SQL).
    /// </summary>
    public static string CountsSql(string schema, bool knownOn) => $"""
        select {Columns}, sum(change), sum(members)
        from (
            select {Columns}, change, members from {schema}.{StatisticsProjection.YearTableName} where year < extract(year from $1::date)::int
            union all
            select {Columns}, change, members from {schema}.{StatisticsProjection.TableName} where day >= date_trunc('year', $1::date)::date and day <= $1
        {(knownOn ? $"    union all\n    select {Columns}, -change, -members from {schema}.{StatisticsProjection.ChangeTableName} where recorded > $2 and day <= $1\n" : "")}) known
        group by {Columns}
        having sum(change) <> 0 or sum(members) <> 0
        """;

    /// <summary>
    /// The count of every cell on the day <c>$1</c> as known at the moment <c>$2</c>, summed from the
    /// changes recorded up to that moment alone: the cheaper way when the register learnt most of what
    /// it knows after the moment (a figure known before a national import).
    /// </summary>
    public static string CountsRecordedUpToSql(string schema) => $"""
        select {Columns}, sum(change), sum(members)
        from {schema}.{StatisticsProjection.ChangeTableName}
        where recorded <= $2 and day <= $1
        group by {Columns}
        having sum(change) <> 0 or sum(members) <> 0
        """;

    /// <summary>How many changes each side of a moment is looked at, at most, to choose the cheaper way to count.</summary>
    internal const int SideProbe = 20_000;

    /// <summary>The changes recorded after the moment <c>$1</c> and up to it, each counted up to <see cref="SideProbe"/>.</summary>
    private static string SidesSql(string schema) => $"""
        select (select count(*) from (select 1 from {schema}.{StatisticsProjection.ChangeTableName} where recorded > $1 limit {SideProbe}) after_moment),
               (select count(*) from (select 1 from {schema}.{StatisticsProjection.ChangeTableName} where recorded <= $1 limit {SideProbe}) up_to_moment)
        """;

    /// <summary>How a count as known at a moment is summed: both give the same cells.</summary>
    public enum KnownOnWay
    {
        /// <summary>Everything known now less the changes recorded after the moment (few when the moment is recent).</summary>
        LessLaterChanges,

        /// <summary>The changes recorded up to the moment (few when the moment is before most of them).</summary>
        ChangesUpToTheMoment,
    }

    /// <summary>The cheaper way: the side of the moment with fewer changes (the later changes on a tie).</summary>
    public static KnownOnWay Cheaper(long recordedAfter, long recordedUpTo) =>
        recordedUpTo < recordedAfter ? KnownOnWay.ChangesUpToTheMoment : KnownOnWay.LessLaterChanges;

    /// <summary>The cells on <paramref name="day"/> as known at <paramref name="knownOn"/> (now when null), the cheaper way.</summary>
    public static async Task<List<StatisticsCount>> OnAsync(IDocumentStore store, DateOnly day, DateTimeOffset? knownOn, CancellationToken cancellationToken)
    {
        if (knownOn is not { } moment)
        {
            return await OnAsync(store, day, null, KnownOnWay.LessLaterChanges, cancellationToken);
        }

        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var sides = new NpgsqlCommand(SidesSql(store.Options.DatabaseSchemaName), connection);
        sides.Parameters.AddWithValue(moment.ToUniversalTime());
        await using var reader = await sides.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var way = Cheaper(reader.GetInt64(0), reader.GetInt64(1));
        await reader.CloseAsync();
        return await ReadCellsAsync(connection, store.Options.DatabaseSchemaName, day, moment, way, cancellationToken);
    }

    /// <summary>The cells on <paramref name="day"/> as known at <paramref name="knownOn"/> (now when null), summed the way given.</summary>
    public static async Task<List<StatisticsCount>> OnAsync(IDocumentStore store, DateOnly day, DateTimeOffset? knownOn, KnownOnWay way, CancellationToken cancellationToken)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        return await ReadCellsAsync(connection, store.Options.DatabaseSchemaName, day, knownOn, way, cancellationToken);
    }

    private static async Task<List<StatisticsCount>> ReadCellsAsync(NpgsqlConnection connection, string schema, DateOnly day, DateTimeOffset? knownOn, KnownOnWay way, CancellationToken cancellationToken)
    {
        var sql = knownOn is null ? CountsSql(schema, knownOn: false)
            : way == KnownOnWay.ChangesUpToTheMoment ? CountsRecordedUpToSql(schema)
            : CountsSql(schema, knownOn: true);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue(day);
        if (knownOn is { } moment)
        {
            command.Parameters.AddWithValue(moment.ToUniversalTime());
        }

        var cells = new List<StatisticsCount>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            cells.Add(Read(reader, 0) with { Count = reader.GetInt64(10), Members = reader.GetInt64(11) });
        }

        return cells;
    }

    /// <summary>The changes of days up to <paramref name="day"/> the register recorded after <paramref name="knownOn"/>, oldest first.</summary>
    public static async Task<List<LateChange>> RecordedAfterAsync(IDocumentStore store, DateOnly day, DateTimeOffset knownOn, CancellationToken cancellationToken)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"""
            select {Columns}, change, members, cooperative_id, event_type, day, recorded
            from {store.Options.DatabaseSchemaName}.{StatisticsProjection.ChangeTableName}
            where recorded > $2 and day <= $1
            order by recorded, seq
            """,
            connection);
        command.Parameters.AddWithValue(day);
        command.Parameters.AddWithValue(knownOn.ToUniversalTime());
        var changes = new List<LateChange>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            changes.Add(new LateChange(
                reader.GetGuid(12),
                reader.GetString(13),
                reader.GetFieldValue<DateOnly>(14),
                reader.GetFieldValue<DateTimeOffset>(15).ToOffset(ProvinceCalendar.Wib),
                Read(reader, 0) with { Count = reader.GetInt32(10), Members = reader.GetInt64(11) }));
        }

        return changes;
    }

    private static StatisticsCount Read(NpgsqlDataReader reader, int at) => new(
        reader.GetString(at),
        reader.GetString(at + 1) is { Length: > 0 } code ? code : null,
        reader.GetString(at + 2) is { Length: > 0 } name ? name : null,
        reader.GetString(at + 3),
        reader.GetString(at + 4),
        reader.GetString(at + 5),
        reader.GetString(at + 6),
        reader.GetString(at + 7),
        reader.GetBoolean(at + 8),
        reader.GetBoolean(at + 9),
        0,
        0);

    /// <summary>
    /// Reads <c>knownOn</c>: an ISO 8601 date-time with its offset, or a date alone meaning the end of
    /// that day in Jambi (WIB, +07:00). Null and an error when it is neither, or after <paramref name="now"/>.
    /// </summary>
    public static DateTimeOffset? ParseKnownOn(string? text, DateTimeOffset now, RequestValidation validation, string field = "knownOn")
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        DateTimeOffset? moment = null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            moment = new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), ProvinceCalendar.Wib).AddTicks(-10);
        }
        else if (WithOffset().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            moment = parsed;
        }

        if (moment is null)
        {
            validation.Add(field, "Give an ISO 8601 date-time with its offset (e.g. 2026-08-01T17:00:00+07:00) or a date (the end of that day, Jambi time).");
            return null;
        }

        if (moment > now && day != now.ToOffset(ProvinceCalendar.Wib).ToDateOnly())
        {
            validation.Add(field, "knownOn is a moment that has passed: it cannot be after now.");
            return null;
        }

        return moment > now ? now : moment;
    }

    private static DateOnly ToDateOnly(this DateTimeOffset moment) => DateOnly.FromDateTime(moment.DateTime);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex WithOffset();

    /// <summary>The dimensions of a <c>groupBy</c> (comma separated or repeated; default regency and activity), unknown ones recorded as errors.</summary>
    public static List<string> ParseGroupBy(string[]? groupBy, RequestValidation validation)
    {
        var dimensions = (groupBy is { Length: > 0 } ? groupBy.SelectMany(g => g.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) : ["regency", "activity"]).Distinct().ToList();
        foreach (var unknown in dimensions.Where(d => !Dimensions.Contains(d)))
        {
            validation.Add("groupBy", $"Unknown dimension '{(unknown.Length > 40 ? unknown[..40] : unknown)}'; use {string.Join(", ", Dimensions)}.");
        }

        return dimensions;
    }

    /// <summary>
    /// The koperasi counted by the statistics under <paramref name="dimensions"/>: without
    /// <c>legalStatus</c>, the ones not dissolved; with it, the dissolved too, in their own rows.
    /// </summary>
    public static IEnumerable<StatisticsCount> Counted(IEnumerable<StatisticsCount> cells, IReadOnlyCollection<string> dimensions) =>
        dimensions.Contains("legalStatus") ? cells : cells.Where(c => c.LegalStatus != StatisticsCount.Dissolved);

    /// <summary>
    /// The supervision figures of the day from its cells (every legal status), so that they are known
    /// at the same moment as the counts (ADR 0016): the koperasi with a valid NIK koperasi, and per
    /// regency the KDMP counted (at most one per desa, so each is a desa with a KDMP) out of all its desa.
    /// The cells apply the rules of <see cref="CooperativeSupervision.HoldsValidNikKoperasiOn"/>
    /// and <see cref="KdmpCoverage.DesaWithKdmp"/>: a valid NIK koperasi held, or marked KDMP by
    /// then, and not dissolved.
    /// </summary>
    public static SupervisionFigures SupervisionOf(IEnumerable<StatisticsCount> cells)
    {
        var counted = cells.ToList();
        var kdmp = counted.Where(c => c.Kdmp).GroupBy(c => c.RegencyCode, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (int)g.Sum(c => c.Count), StringComparer.Ordinal);
        var regencies = Regencies.All.Select(r => new KdmpCoverageRow(
            r.Code, r.DisplayName, kdmp.GetValueOrDefault(r.Code), Places.KecamatanOf(r.Code).Sum(k => Places.DesaOf(k.Code).Count))).ToList();
        return new SupervisionFigures(
            (int)counted.Where(c => c.NikKoperasi).Sum(c => c.Count), regencies.Sum(r => r.DesaWithKdmp), regencies.Sum(r => r.AllDesa), regencies);
    }

    /// <summary>The row a cell is counted in under <paramref name="dimensions"/> (its count and members zero: a key).</summary>
    public static GetStatistics.Row RowOf(StatisticsCount c, IReadOnlyCollection<string> dimensions)
    {
        bool By(string dimension) => dimensions.Contains(dimension);
        return new GetStatistics.Row(
            By("regency") ? c.RegencyCode : null,
            By("regency") ? Regencies.Get(c.RegencyCode).DisplayName : null,
            By("activity") ? c.Activity : null,
            By("type") ? c.Type : null,
            By("form") ? c.Form : null,
            By("supervisionLevel") ? c.SupervisionLevel : null,
            0,
            By("kecamatan") ? c.KecamatanCode : null,
            By("kecamatan") ? c.KecamatanName : null,
            By("legalStatus") ? c.LegalStatus : null,
            By("nikKoperasi") ? c.NikKoperasi : null,
            By("kdmp") ? c.Kdmp : null,
            0);
    }

    /// <summary>The rows of the cells grouped by <paramref name="dimensions"/>, in a stable order.</summary>
    public static List<GetStatistics.Row> Rows(IEnumerable<StatisticsCount> cells, IReadOnlyCollection<string> dimensions) =>
        [.. Counted(cells, dimensions)
            .GroupBy(c => RowOf(c, dimensions))
            .Select(g => g.Key with { Count = g.Sum(c => c.Count), Members = g.Sum(c => c.Members) })
            .Where(r => r.Count != 0 || r.Members != 0)
            .OrderBy(r => r.RegencyCode, StringComparer.Ordinal).ThenBy(r => r.KecamatanCode, StringComparer.Ordinal).ThenBy(r => r.KecamatanName, StringComparer.Ordinal)
            .ThenBy(r => r.Activity, StringComparer.Ordinal).ThenBy(r => r.Type, StringComparer.Ordinal).ThenBy(r => r.Form, StringComparer.Ordinal)
            .ThenBy(r => r.SupervisionLevel, StringComparer.Ordinal).ThenBy(r => r.LegalStatus, StringComparer.Ordinal).ThenBy(r => r.NikKoperasi).ThenBy(r => r.Kdmp)];
}
