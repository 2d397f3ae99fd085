using JasperFx.Events;
using JasperFx.Events.Projections;
using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Time;
using Marten;
using Marten.Events.Projections;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Koperasi.Registry.Statistics;

/// <summary>
/// Runs in the async daemon: keeps a <see cref="StatisticsTimeline"/> per koperasi and adds the
/// dated deltas of each event to one table and their yearly subtotals to another, so a count for any
/// date sums the subtotals of the years before it and the deltas of its own year, never a pass over
/// the streams.
/// </summary>
public sealed class StatisticsProjection : IProjection
{
    public const string ProjectionName = "RegistryStatistics";

    /// <summary>The count of each (day, cell) as known now: the sum of every change.</summary>
    public const string TableName = "registry_statistics_delta";

    /// <summary>
    /// The count of each (year, cell) as known now: the same changes summed per calendar year, so a
    /// count on a day sums the years before it here and only its own year's days in <see cref="TableName"/>.
    /// </summary>
    public const string YearTableName = "registry_statistics_year";

    /// <summary>Every change with the event that made it and when that event was recorded: what was known when.</summary>
    public const string ChangeTableName = "registry_statistics_change";

    /// <summary>The dimension columns of both tables, in the order the queries read them.</summary>
    public const string CellColumns = "regency_code, kecamatan_code, kecamatan_name, activity, type, form, supervision_level, legal_status, nik_koperasi, kdmp";

    private readonly string _table;
    private readonly string _years;
    private readonly string _changes;

    private StatisticsProjection(string schema) =>
        (_table, _years, _changes) = ($"{schema}.{TableName}", $"{schema}.{YearTableName}", $"{schema}.{ChangeTableName}");

    public static void Register(StoreOptions options)
    {
        var table = new Table(new PostgresqlObjectName(options.DatabaseSchemaName, TableName, Weasel.Postgresql.SchemaUtils.IdentifierUsage.General));
        table.AddColumn("day", "date").AsPrimaryKey();
        AddCellColumns(table, primaryKey: true);
        table.AddColumn("change", "integer").NotNull();
        table.AddColumn("members", "bigint").NotNull().DefaultValueByExpression("0");
        options.Storage.ExtendedSchemaObjects.Add(table);

        var years = new Table(new PostgresqlObjectName(options.DatabaseSchemaName, YearTableName, Weasel.Postgresql.SchemaUtils.IdentifierUsage.General));
        years.AddColumn("year", "integer").AsPrimaryKey();
        AddCellColumns(years, primaryKey: true);
        years.AddColumn("change", "integer").NotNull();
        years.AddColumn("members", "bigint").NotNull().DefaultValueByExpression("0");
        options.Storage.ExtendedSchemaObjects.Add(years);

        var changes = new Table(new PostgresqlObjectName(options.DatabaseSchemaName, ChangeTableName, Weasel.Postgresql.SchemaUtils.IdentifierUsage.General));
        changes.AddColumn("seq", "bigint").NotNull();
        changes.AddColumn("cooperative_id", "uuid").NotNull();
        changes.AddColumn("event_type", "text").NotNull();
        changes.AddColumn("recorded", "timestamptz").NotNull();
        changes.AddColumn("day", "date").NotNull();
        AddCellColumns(changes, primaryKey: false);
        changes.AddColumn("change", "integer").NotNull();
        changes.AddColumn("members", "bigint").NotNull();
        changes.Indexes.Add(new IndexDefinition($"ix_{ChangeTableName}_recorded_day") { Columns = ["recorded", "day"] });
        options.Storage.ExtendedSchemaObjects.Add(changes);
        options.Schema.For<StatisticsTimeline>().DocumentAlias("statistics_timeline");

        options.Projections.Add(new StatisticsProjection(options.DatabaseSchemaName), ProjectionLifecycle.Async, ProjectionName, async =>
        {
            async.BatchSize = 1000;
            async.DeleteViewTypeOnTeardown<StatisticsTimeline>();
            async.DeleteDataInTableOnTeardown(table.Identifier.QualifiedName);
            async.DeleteDataInTableOnTeardown(years.Identifier.QualifiedName);
            async.DeleteDataInTableOnTeardown(changes.Identifier.QualifiedName);
        });
    }

    private static void AddCellColumns(Table table, bool primaryKey)
    {
        foreach (var (name, type) in new[]
        {
            ("regency_code", "text"), ("kecamatan_code", "text"), ("kecamatan_name", "text"), ("activity", "text"), ("type", "text"), ("form", "text"),
            ("supervision_level", "text"), ("legal_status", "text"), ("nik_koperasi", "boolean"), ("kdmp", "boolean"),
        })
        {
            var column = table.AddColumn(name, type);
            if (primaryKey)
            {
                column.AsPrimaryKey();
            }
            else
            {
                column.NotNull();
            }
        }
    }

    /// <summary>The events that can move a koperasi between cells or change its member count.</summary>
    public static bool Counts(object data) => data
        is Cooperatives.RegistrationRecorded or Cooperatives.ActivityChanged or Cooperatives.ActivityHistoryRevised
        or Cooperatives.ArticlesAmended or Cooperatives.DissolutionRecorded or Cooperatives.DetailsChanged or Cooperatives.KecamatanCodeRecorded
        or Cooperatives.RatRecorded or Cooperatives.MergerRecorded or Cooperatives.DissolutionProposed or Cooperatives.LiquidationStarted
        or Cooperatives.DissolutionCaseEnded or Supervision.NikKoperasiRenewed or Supervision.KdmpMarked;

    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var relevant = events.Where(e => Counts(e.Data)).ToList();
        if (relevant.Count == 0)
        {
            return;
        }

        var ids = relevant.Select(e => e.StreamId).Distinct().ToArray();
        var timelines = (await operations.LoadManyAsync<StatisticsTimeline>(cancellation, ids)).ToDictionary(t => t.Id);
        var deltas = new Dictionary<(DateOnly, StatisticsCell), (int Change, long Members)>();
        foreach (var e in relevant)
        {
            var before = timelines.GetValueOrDefault(e.StreamId) ?? StatisticsTimeline.Empty(e.StreamId);
            var after = before.Apply(e.Data, DateOnly.FromDateTime(e.Timestamp.ToOffset(ProvinceCalendar.Wib).DateTime));
            foreach (var delta in StatisticsTimeline.Diff(before, after))
            {
                var sum = deltas.GetValueOrDefault((delta.Day, delta.Cell));
                deltas[(delta.Day, delta.Cell)] = (sum.Change + delta.Change, sum.Members + delta.Members);
                operations.QueueSqlCommand(
                    $"insert into {_changes} (seq, cooperative_id, event_type, recorded, day, {CellColumns}, change, members) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [e.Sequence, e.StreamId, e.EventTypeName, e.Timestamp, delta.Day, .. CellValues(delta.Cell), delta.Change, delta.Members]);
            }

            timelines[e.StreamId] = after;
        }

        foreach (var id in ids)
        {
            operations.Store(timelines[id]);
        }

        foreach (var ((day, cell), (change, members)) in deltas.Where(d => d.Value != default))
        {
            operations.QueueSqlCommand(
                $"insert into {_table} (day, {CellColumns}, change, members) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) " +
                $"on conflict (day, {CellColumns}) do update set change = {TableName}.change + excluded.change, members = {TableName}.members + excluded.members",
                [day, .. CellValues(cell), change, members]);
        }

        var yearly = deltas
            .GroupBy(d => (d.Key.Item1.Year, d.Key.Item2), d => d.Value)
            .Select(g => (Key: g.Key, Change: g.Sum(v => v.Change), Members: g.Sum(v => v.Members)))
            .Where(y => y.Change != 0 || y.Members != 0);
        foreach (var ((year, cell), change, members) in yearly)
        {
            operations.QueueSqlCommand(
                $"insert into {_years} (year, {CellColumns}, change, members) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) " +
                $"on conflict (year, {CellColumns}) do update set change = {YearTableName}.change + excluded.change, members = {YearTableName}.members + excluded.members",
                [year, .. CellValues(cell), change, members]);
        }
    }

    /// <summary>A cell as its columns hold it: no kecamatan code or name is the empty text (they are part of the key).</summary>
    private static object[] CellValues(StatisticsCell cell) =>
    [
        cell.RegencyCode, cell.KecamatanCode ?? "", cell.KecamatanName ?? "", KebabEnum.Name(cell.Activity), KebabEnum.Name(cell.Type), KebabEnum.Name(cell.Form),
        KebabEnum.Name(cell.SupervisionLevel), KebabEnum.Name(cell.LegalStatus), cell.NikKoperasi, cell.Kdmp,
    ];
}
