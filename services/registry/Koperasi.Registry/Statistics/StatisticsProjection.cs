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

    /// <summary>The document alias of the timelines: Marten keeps them in <c>mt_doc_statistics_timeline</c>.</summary>
    private const string TimelineAlias = "statistics_timeline";

    /// <summary>The dimension columns of both tables, in the order the queries read them.</summary>
    public const string CellColumns = "regency_code, kecamatan_code, kecamatan_name, activity, type, form, supervision_level, legal_status, nik_koperasi, kdmp";

    private readonly string _table;
    private readonly string _years;
    private readonly string _changes;
    private readonly string _timelines;

    private StatisticsProjection(string schema) =>
        (_table, _years, _changes, _timelines) = ($"{schema}.{TableName}", $"{schema}.{YearTableName}", $"{schema}.{ChangeTableName}", $"{schema}.mt_doc_{TimelineAlias}");

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
        options.Schema.For<StatisticsTimeline>().DocumentAlias(TimelineAlias);

        options.Projections.Add(new StatisticsProjection(options.DatabaseSchemaName), ProjectionLifecycle.Async, ProjectionName, async =>
        {
            // Pages of 5,000 events: a fifth of the pages of 1,000 (each a transaction, a timelines read, a
            // statement per table and an upsert of the yearly subtotals) for the same rows; the rebuild at
            // 130,000 koperasi took about 40 % less time (docs/benchmarks/README.md, P3).
            async.BatchSize = 5000;
            // The timelines are written by the projection's own statement (below), not through the session.
            async.StorageTypes.Add(typeof(StatisticsTimeline));
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
        var timelines = (await operations.LoadManyAsync<StatisticsTimeline>(cancellation, ids)).ToDictionary(t => t.Id, t => new Known(t));
        var deltas = new Dictionary<(DateOnly, StatisticsCell), (int Change, long Members)>();
        var changes = new Rows();
        foreach (var e in relevant)
        {
            var before = timelines.GetValueOrDefault(e.StreamId) ?? new Known(StatisticsTimeline.Empty(e.StreamId));
            var after = before.Timeline.Apply(e.Data, DateOnly.FromDateTime(e.Timestamp.ToOffset(ProvinceCalendar.Wib).DateTime));
            if (ReferenceEquals(after, before.Timeline))
            {
                // Most events of a register (a RAT without a member count) change nothing counted:
                // no deltas, and the stored timeline stays as it is.
                continue;
            }

            var known = new Known(after) { Changed = true };
            foreach (var delta in StatisticsTimeline.Diff(before.Deltas, known.Deltas))
            {
                var sum = deltas.GetValueOrDefault((delta.Day, delta.Cell));
                deltas[(delta.Day, delta.Cell)] = (sum.Change + delta.Change, sum.Members + delta.Members);
                changes.Add(delta.Day, delta.Cell, delta.Change, delta.Members, (e.Sequence, e.StreamId, e.EventTypeName, e.Timestamp));
            }

            timelines[e.StreamId] = known;
        }

        // The timelines an event changed, upserted in one statement for the page (a statement per
        // document was a third of the rebuild's writing); the same rows Marten's own upsert writes.
        var changed = timelines.Values.Where(k => k.Changed).Select(k => k.Timeline).ToList();
        if (changed.Count > 0)
        {
            var serializer = operations.DocumentStore.Options.Serializer();
            operations.QueueSqlCommand(
                $"insert into {_timelines} (id, data, mt_version, mt_dotnet_type, mt_last_modified) " +
                $"select id, data, gen_random_uuid(), '{typeof(StatisticsTimeline).FullName}', transaction_timestamp() from unnest(?::uuid[], ?::jsonb[]) as t(id, data) " +
                "on conflict (id) do update set data = excluded.data, mt_version = excluded.mt_version, mt_last_modified = excluded.mt_last_modified",
                changed.Select(t => t.Id).ToArray(), changed.Select(serializer.ToJson).ToArray());
        }

        // Each table gets one statement for the whole page of events, its rows as arrays: a statement
        // per row made the rebuild ten times slower (a round trip's worth of parsing and planning each).
        if (changes.Count > 0)
        {
            operations.QueueSqlCommand(
                $"insert into {_changes} (seq, cooperative_id, event_type, recorded, day, {CellColumns}, change, members) " +
                $"select * from unnest(?::bigint[], ?::uuid[], ?::text[], ?::timestamptz[], {Rows.Unnested})",
                [.. changes.Seq, .. changes.Values()]);
        }

        var sums = new Rows();
        foreach (var ((day, cell), (change, members)) in deltas.Where(d => d.Value != default))
        {
            sums.Add(day, cell, change, members, null);
        }

        if (sums.Count > 0)
        {
            operations.QueueSqlCommand(
                $"insert into {_table} (day, {CellColumns}, change, members) select * from unnest({Rows.Unnested}) " +
                $"on conflict (day, {CellColumns}) do update set change = {TableName}.change + excluded.change, members = {TableName}.members + excluded.members",
                [.. sums.Values()]);
        }

        // The same sums per calendar year and cell, so a count on a day reads the years before it here.
        var years = new Rows();
        foreach (var ((year, cell), (change, members)) in deltas
            .GroupBy(d => (d.Key.Item1.Year, d.Key.Item2), d => d.Value)
            .Select(g => (g.Key, (Change: g.Sum(v => v.Change), Members: g.Sum(v => v.Members))))
            .Where(y => y.Item2 != default))
        {
            years.Add(new DateOnly(year, 1, 1), cell, change, members, null);
        }

        if (years.Count > 0)
        {
            operations.QueueSqlCommand(
                $"insert into {_years} (year, {CellColumns}, change, members) " +
                $"select extract(year from day)::integer, {CellColumns}, change, members from unnest({Rows.Unnested}) as u(day, {CellColumns}, change, members) " +
                $"on conflict (year, {CellColumns}) do update set change = {YearTableName}.change + excluded.change, members = {YearTableName}.members + excluded.members",
                [.. years.Values()]);
        }
    }

    /// <summary>A koperasi's timeline during a page, its deltas worked out once (each event diffs against the previous one's).</summary>
    private sealed class Known(StatisticsTimeline timeline)
    {
        private IReadOnlyList<StatisticsDelta>? _deltas;

        public StatisticsTimeline Timeline { get; } = timeline;

        public IReadOnlyList<StatisticsDelta> Deltas => _deltas ??= Timeline.Deltas();

        /// <summary>Whether an event of the page changed it, so that it is stored again.</summary>
        public bool Changed { get; init; }
    }

    /// <summary>Rows of either table as one array per column, for <c>unnest</c>.</summary>
    private sealed class Rows
    {
        /// <summary>The day, the cell's columns (in <see cref="CellColumns"/>' order), the change and the members, as unnest's arguments.</summary>
        public const string Unnested = "?::date[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::boolean[], ?::boolean[], ?::integer[], ?::bigint[]";

        private readonly List<long> _seq = [];
        private readonly List<Guid> _cooperative = [];
        private readonly List<string> _eventType = [];
        private readonly List<DateTimeOffset> _recorded = [];
        private readonly List<DateOnly> _day = [];
        private readonly List<string>[] _text = [[], [], [], [], [], [], [], []];
        private readonly List<bool> _nikKoperasi = [];
        private readonly List<bool> _kdmp = [];
        private readonly List<int> _change = [];
        private readonly List<long> _members = [];

        public int Count => _day.Count;

        /// <summary>The change table's own columns before the day: the event's sequence, stream, type and recorded time.</summary>
        public object[] Seq => [_seq.ToArray(), _cooperative.ToArray(), _eventType.ToArray(), _recorded.ToArray()];

        public void Add(DateOnly day, StatisticsCell cell, int change, long members, (long Seq, Guid Cooperative, string EventType, DateTimeOffset Recorded)? source)
        {
            if (source is { } e)
            {
                _seq.Add(e.Seq);
                _cooperative.Add(e.Cooperative);
                _eventType.Add(e.EventType);
                _recorded.Add(e.Recorded);
            }

            _day.Add(day);
            var values = CellValues(cell);
            for (var i = 0; i < _text.Length; i++)
            {
                _text[i].Add((string)values[i]);
            }

            _nikKoperasi.Add((bool)values[8]);
            _kdmp.Add((bool)values[9]);
            _change.Add(change);
            _members.Add(members);
        }

        public IEnumerable<object> Values() =>
            [_day.ToArray(), .. _text.Select(t => t.ToArray()), _nikKoperasi.ToArray(), _kdmp.ToArray(), _change.ToArray(), _members.ToArray()];
    }

    /// <summary>A cell as its columns hold it: no kecamatan code or name is the empty text (they are part of the key).</summary>
    private static object[] CellValues(StatisticsCell cell) =>
    [
        cell.RegencyCode, cell.KecamatanCode ?? "", cell.KecamatanName ?? "", KebabEnum.Name(cell.Activity), KebabEnum.Name(cell.Type), KebabEnum.Name(cell.Form),
        KebabEnum.Name(cell.SupervisionLevel), KebabEnum.Name(cell.LegalStatus), cell.NikKoperasi, cell.Kdmp,
    ];
}
