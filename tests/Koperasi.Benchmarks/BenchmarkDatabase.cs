using JasperFx.Events.Daemon;
using Koperasi.Registry;
using Koperasi.Registry.Statistics;
using Koperasi.ServiceDefaults.Persistence;
using Koperasi.Testing;
using Marten;
using Npgsql;

namespace Koperasi.Benchmarks;

/// <summary>The benchmark's schema in the Registry's test database, and what the harness asks of it directly.</summary>
public sealed class BenchmarkDatabase(string schema)
{
    public string Schema { get; } = schema;

    public string ConnectionString { get; } = TestInfrastructure.TestDatabase("registry");

    /// <summary>
    /// The Registry's own store (same options, documents, indexes and projections) built outside
    /// its host, so the outbox relay, a subscription of the host, is not part of it: seeding a
    /// national register publishes nothing.
    /// </summary>
    public DocumentStore BuildStore() =>
        DocumentStore.For(options =>
        {
            MartenDefaults.ConfigureStore(options, ConnectionString, Schema, RegistryStore.Configure);
            // This process runs the one daemon of the schema, built by hand for the rebuild; the
            // setting only tells Marten so, it starts nothing (no hosted service here).
            options.Projections.AsyncMode = DaemonMode.Solo;
        });

    /// <summary>Koperasi in the schema; 0 when it does not exist yet.</summary>
    public async Task<long> CooperativeCountAsync() =>
        await TableExistsAsync("mt_doc_cooperative") ? await ScalarAsync<long>($"select count(*) from {Schema}.mt_doc_cooperative") : 0;

    public async Task<long> EventCountAsync() =>
        await TableExistsAsync("mt_events") ? await ScalarAsync<long>($"select count(*) from {Schema}.mt_events") : 0;

    public async Task<long> DeltaRowCountAsync() =>
        await TableExistsAsync(StatisticsProjection.TableName) ? await ScalarAsync<long>($"select count(*) from {Schema}.{StatisticsProjection.TableName}") : 0;

    /// <summary>Whether the statistics projection has processed every event appended so far.</summary>
    public async Task<bool> StatisticsCaughtUpAsync()
    {
        if (!await TableExistsAsync("mt_event_progression"))
        {
            return false;
        }

        var processed = await ScalarAsync<long?>(
            $"select max(last_seq_id) from {Schema}.mt_event_progression where name like '{StatisticsProjection.ProjectionName}:%'");
        var appended = await ScalarAsync<long?>($"select max(seq_id) from {Schema}.mt_events");
        return processed is { } p && appended is { } a && p >= a;
    }

    public async Task DropSchemaAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand($"drop schema if exists {Schema} cascade", connection);
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Refreshes the planner's statistics after a bulk load, as autovacuum would a little later.</summary>
    public async Task AnalyzeAsync()
    {
        await using var connection = await OpenAsync();
        foreach (var table in new[] { "mt_doc_cooperative", "mt_events", StatisticsProjection.TableName, StatisticsProjection.YearTableName, StatisticsProjection.ChangeTableName })
        {
            // One statement per command: VACUUM refuses to run inside a transaction block.
            await using var command = new NpgsqlCommand($"vacuum analyze {Schema}.{table}", connection);
            command.CommandTimeout = 600;
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>Ids of some koperasi, spread over the register and the same on every run.</summary>
    public async Task<IReadOnlyList<Guid>> SampleIdsAsync(int count)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand($"select id from {Schema}.mt_doc_cooperative order by md5(id::text) limit $1", connection);
        command.Parameters.AddWithValue(count);
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    /// <summary>The plan of a query as PostgreSQL ran it: EXPLAIN (ANALYZE, BUFFERS).</summary>
    public async Task<string> ExplainAsync(string sql, IEnumerable<NpgsqlParameter> parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand($"explain (analyze, buffers) {sql}", connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(parameter.Clone());
        }

        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }

    /// <summary>Server version and the memory settings that matter for these queries.</summary>
    public async Task<string> ServerDescriptionAsync()
    {
        var version = await ScalarAsync<string>("select version()");
        var sharedBuffers = await ScalarAsync<string>("show shared_buffers");
        var workMem = await ScalarAsync<string>("show work_mem");
        return $"{version}; shared_buffers {sharedBuffers}, work_mem {workMem}";
    }

    /// <summary>Runs statements whose result does not matter (schemas of the engine figures).</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync();
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is DBNull or null ? default! : (T)value;
    }

    private async Task<bool> TableExistsAsync(string table) =>
        await ScalarAsync<bool>($"select to_regclass('{Schema}.{table}') is not null");

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
