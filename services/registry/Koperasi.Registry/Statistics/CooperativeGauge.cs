using Koperasi.Registry.Cooperatives;
using Koperasi.ServiceDefaults.Regions;
using Koperasi.ServiceDefaults.Http;
using Koperasi.ServiceDefaults.Telemetry;
using Marten;

namespace Koperasi.Registry.Statistics;

/// <summary>
/// The gauge <c>koperasi.cooperatives</c>: the register now, by regency, activity and legal status,
/// counted from the cooperative documents (kept inline with the events, so never behind).
/// </summary>
public static class CooperativeGauge
{
    public const string MeterName = "Koperasi.Registry.Cooperatives";
    public const string Name = "koperasi.cooperatives";

    public static IHostApplicationBuilder AddCooperativeGauge(this IHostApplicationBuilder builder) =>
        builder.AddBusinessGauge(MeterName, Name, "Koperasi in the register, by regency, activity (aktif, tidak-aktif) and legal status (existing, dissolving, in-liquidation, dissolved).", CountAsync);

    private static Task<IReadOnlyList<GaugeCount>> CountAsync(IDocumentStore store, CancellationToken cancellationToken) =>
        BusinessGauges.CountRowsAsync(
            store,
            $"""
            select data -> 'address' ->> 'regencyCode', data ->> 'activity',
                case
                    when (data ->> 'dissolution') is not null then 'Dissolved'
                    when (data -> 'dissolutionCase' ->> 'decidedOn') is not null then 'InLiquidation'
                    when (data ->> 'dissolutionCase') is not null then 'Dissolving'
                    else 'Existing'
                end,
                count(*)
            from {BusinessGauges.DocumentTable<Cooperative>(store)}
            group by 1, 2, 3
            """,
            reader => new GaugeCount(
                reader.GetInt64(3),
                new("regency", reader.GetString(0)),
                new("regency_name", Regencies.Get(reader.GetString(0)).DisplayName),
                new("activity", KebabEnum.Name(Enum.Parse<ActivityStatus>(reader.GetString(1)))),
                new("legal_status", KebabEnum.Name(Enum.Parse<LegalStatus>(reader.GetString(2))))),
            cancellationToken);
}
