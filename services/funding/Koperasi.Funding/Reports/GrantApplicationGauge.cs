using System.Globalization;
using Koperasi.Funding.Applications;
using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Telemetry;
using Marten;

namespace Koperasi.Funding.Reports;

/// <summary>
/// The gauge <c>koperasi.grant_applications</c>: Dumisake applications now, by programme year and
/// status (the stage of the grant), counted from the application documents.
/// </summary>
public static class GrantApplicationGauge
{
    public const string MeterName = "Koperasi.Funding.Applications";
    public const string Name = "koperasi.grant_applications";

    public static IHostApplicationBuilder AddGrantApplicationGauge(this IHostApplicationBuilder builder) =>
        builder.AddBusinessGauge(MeterName, Name, "Grant applications, by programme year and status (submitted to closed, not-eligible, cancelled).", CountAsync);

    private static Task<IReadOnlyList<GaugeCount>> CountAsync(IDocumentStore store, CancellationToken cancellationToken) =>
        BusinessGauges.CountRowsAsync(
            store,
            $"""
            select (data ->> 'programmeYear')::int, data ->> 'status', count(*)
            from {BusinessGauges.DocumentTable<Application>(store)}
            group by 1, 2
            """,
            reader => new GaugeCount(
                reader.GetInt64(2),
                new("programme_year", reader.GetInt32(0).ToString(CultureInfo.InvariantCulture)),
                new("status", KebabEnum.Name(Enum.Parse<ApplicationStatus>(reader.GetString(1))))),
            cancellationToken);
}
