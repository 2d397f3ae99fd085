using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Telemetry;
using Koperasi.Transformation.Cases;
using Marten;

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

    private static Task<IReadOnlyList<GaugeCount>> CountAsync(IDocumentStore store, CancellationToken cancellationToken) =>
        BusinessGauges.CountRowsAsync(
            store,
            $"""
            select data ->> 'kind', data ->> 'state', count(*)
            from {BusinessGauges.DocumentTable<TransformationCase>(store)}
            group by 1, 2
            """,
            reader => new GaugeCount(
                reader.GetInt64(2),
                new("kind", KebabEnum.Name(Enum.Parse<CaseKind>(reader.GetString(0)))),
                new("state", KebabEnum.Name(Enum.Parse<CaseState>(reader.GetString(1))))),
            cancellationToken);
}
