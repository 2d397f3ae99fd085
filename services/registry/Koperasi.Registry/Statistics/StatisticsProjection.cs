using JasperFx.Events;
using JasperFx.Events.Projections;
using Koperasi.ServiceDefaults.Http;
using Marten;
using Marten.Events.Projections;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Koperasi.Registry.Statistics;

/// <summary>
/// Runs in the async daemon: keeps a <see cref="StatisticsTimeline"/> per koperasi and adds the
/// dated deltas of each event to one table, so a count for any date is a sum over an index
/// range of a few thousand rows, never a pass over the streams.
/// </summary>
public sealed class StatisticsProjection : IProjection
{
    public const string ProjectionName = "RegistryStatistics";
    public const string TableName = "registry_statistics_delta";

    private readonly string _table;

    private StatisticsProjection(string schema) => _table = $"{schema}.{TableName}";

    public static void Register(StoreOptions options)
    {
        var table = new Table(new PostgresqlObjectName(options.DatabaseSchemaName, TableName, Weasel.Postgresql.SchemaUtils.IdentifierUsage.General));
        table.AddColumn("day", "date").AsPrimaryKey();
        table.AddColumn("regency_code", "text").AsPrimaryKey();
        table.AddColumn("activity", "text").AsPrimaryKey();
        table.AddColumn("type", "text").AsPrimaryKey();
        table.AddColumn("form", "text").AsPrimaryKey();
        table.AddColumn("supervision_level", "text").AsPrimaryKey();
        table.AddColumn("change", "integer").NotNull();
        options.Storage.ExtendedSchemaObjects.Add(table);
        options.Schema.For<StatisticsTimeline>().DocumentAlias("statistics_timeline");

        options.Projections.Add(new StatisticsProjection(options.DatabaseSchemaName), ProjectionLifecycle.Async, ProjectionName, async =>
        {
            async.BatchSize = 1000;
            async.DeleteViewTypeOnTeardown<StatisticsTimeline>();
            async.DeleteDataInTableOnTeardown(table.Identifier.QualifiedName);
        });
    }

    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var relevant = events.Where(e => e.Data
            is Cooperatives.RegistrationRecorded or Cooperatives.ActivityChanged or Cooperatives.ActivityHistoryRevised
            or Cooperatives.ArticlesAmended or Cooperatives.DissolutionRecorded).ToList();
        if (relevant.Count == 0)
        {
            return;
        }

        var ids = relevant.Select(e => e.StreamId).Distinct().ToArray();
        var timelines = (await operations.LoadManyAsync<StatisticsTimeline>(cancellation, ids)).ToDictionary(t => t.Id);
        var deltas = new Dictionary<(DateOnly, StatisticsCell), int>();
        foreach (var e in relevant)
        {
            var before = timelines.GetValueOrDefault(e.StreamId) ?? StatisticsTimeline.Empty(e.StreamId);
            var after = before.Apply(e.Data);
            foreach (var delta in StatisticsTimeline.Diff(before, after))
            {
                deltas[(delta.Day, delta.Cell)] = deltas.GetValueOrDefault((delta.Day, delta.Cell)) + delta.Change;
            }

            timelines[e.StreamId] = after;
        }

        foreach (var id in ids)
        {
            operations.Store(timelines[id]);
        }

        foreach (var ((day, cell), change) in deltas.Where(d => d.Value != 0))
        {
            operations.QueueSqlCommand(
                $"insert into {_table} (day, regency_code, activity, type, form, supervision_level, change) values (?, ?, ?, ?, ?, ?, ?) " +
                $"on conflict (day, regency_code, activity, type, form, supervision_level) do update set change = {TableName}.change + excluded.change",
                day, cell.RegencyCode, KebabEnum.Name(cell.Activity), KebabEnum.Name(cell.Type), KebabEnum.Name(cell.Form), KebabEnum.Name(cell.SupervisionLevel), change);
        }
    }
}
