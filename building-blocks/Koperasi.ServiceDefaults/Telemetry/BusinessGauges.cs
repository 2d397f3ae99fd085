using System.Diagnostics.Metrics;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Koperasi.ServiceDefaults.Telemetry;

/// <summary>The service's business gauges, refreshed together from its read models.</summary>
public sealed class BusinessGauges(IEnumerable<BusinessGaugeDefinition> definitions, IMeterFactory meters, IDocumentStore store)
{
    /// <summary>Configuration key of the time between refreshes.</summary>
    public const string IntervalKey = "Metrics:BusinessGaugeInterval";

    /// <summary>Time between refreshes unless <see cref="IntervalKey"/> says otherwise.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(30);

    private readonly BusinessGauge[] _gauges = [.. definitions.Select(d => new BusinessGauge(d, meters))];

    /// <summary>The qualified table of a document type, for a grouped query over the read model.</summary>
    public static string DocumentTable<T>(IDocumentStore store) =>
        store.Options.FindOrResolveDocumentType(typeof(T)).TableName.QualifiedName;

    /// <summary>Runs a grouped count over the read model (<paramref name="sql"/>) and turns each row into a count.</summary>
    public static async Task<IReadOnlyList<GaugeCount>> CountRowsAsync(
        IDocumentStore store, string sql, Func<NpgsqlDataReader, GaugeCount> row, CancellationToken cancellationToken)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new List<GaugeCount>();
        while (await reader.ReadAsync(cancellationToken))
        {
            counts.Add(row(reader));
        }

        return counts;
    }

    /// <summary>Runs each gauge's query once and keeps the counts for the scrapes until the next refresh.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        foreach (var gauge in _gauges)
        {
            gauge.Replace(await gauge.Definition.Query(store, cancellationToken));
        }
    }
}

/// <summary>Declaring business gauges.</summary>
public static class BusinessGaugeExtensions
{
    /// <summary>
    /// Adds a gauge named <paramref name="name"/> to the meter <paramref name="meterName"/> (a
    /// <c>Koperasi.</c> name, so the metrics pipeline exports it), counted by
    /// <paramref name="query"/> every <c>Metrics:BusinessGaugeInterval</c> (default 30 s).
    /// </summary>
    public static IHostApplicationBuilder AddBusinessGauge(this IHostApplicationBuilder builder, string meterName, string name, string description, GaugeQuery query)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(new BusinessGaugeDefinition(meterName, name, description, query));
        builder.Services.TryAddSingleton<BusinessGauges>();
        builder.Services.AddHostedService<BusinessGaugeRefresher>();
        return builder;
    }
}
