using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Telemetry;
using Koperasi.Transformation.Cases;
using Marten;
using Npgsql;

namespace Koperasi.Transformation.Statistics;

/// <summary>
/// The gauge <c>koperasi.transformation_cases</c>: cases now, by kind and state, counted from the
/// case documents.
/// </summary>
public static class CaseGauge
{
    public const string MeterName = "Koperasi.Transformation.Cases";
    public const string Name = "koperasi.transformation_cases";

    public static IHostApplicationBuilder AddCaseGauge(this IHostApplicationBuilder builder) =>
        builder.AddBusinessGauge(MeterName, Name, "Transformation cases, by kind (merger, amalgamation, articles-amendment) and state.", CountAsync);

    private static async Task<IReadOnlyList<GaugeCount>> CountAsync(IDocumentStore store, CancellationToken cancellationToken)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"""
            select data ->> 'kind', data ->> 'state', count(*)
            from {BusinessGauges.DocumentTable<TransformationCase>(store)}
            group by 1, 2
            """,
            connection);
        var counts = new List<GaugeCount>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts.Add(new GaugeCount(
                reader.GetInt64(2),
                new("kind", KebabEnum.Name(Enum.Parse<CaseKind>(reader.GetString(0)))),
                new("state", KebabEnum.Name(Enum.Parse<CaseState>(reader.GetString(1))))));
        }

        return counts;
    }
}
