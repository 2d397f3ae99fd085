using Koperasi.ServiceDefaults.Telemetry;
using Koperasi.ServiceDefaults.Time;
using Marten;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Koperasi.Transformation.Dissolutions;

/// <summary>
/// The gauge <c>koperasi.dissolution_deadlines_overdue</c>: per regency, the deadlines of open
/// dissolution cases passed with their step not taken, as of the service's today (the same watch as
/// <c>GET /api/transformation/dissolutions/deadlines</c>); a regency with open steps but none overdue
/// reports 0. Refreshed with the service's other business gauges.
/// </summary>
public static class OverdueDeadlineGauge
{
    public const string MeterName = "Koperasi.Transformation.Dissolutions";
    public const string Name = "koperasi.dissolution_deadlines_overdue";

    public static IHostApplicationBuilder AddOverdueDeadlineGauge(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // The query needs the service's clock and options, so the definition is made by the container.
        builder.Services.AddSingleton(services => new BusinessGaugeDefinition(
            MeterName,
            Name,
            "Dissolution deadlines overdue (passed with their step not taken), per regency.",
            (store, cancellationToken) => CountAsync(
                store, services.GetRequiredService<TimeProvider>(), services.GetRequiredService<IOptions<DissolutionOptions>>().Value, cancellationToken)));
        builder.Services.TryAddSingleton<BusinessGauges>();
        builder.Services.AddHostedService<BusinessGaugeRefresher>();
        return builder;
    }

    private static async Task<IReadOnlyList<GaugeCount>> CountAsync(IDocumentStore store, TimeProvider clock, DissolutionOptions options, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var open = await session.Query<DissolutionCase>()
            .Where(c => c.Stage != DissolutionStage.Dissolved && c.Stage != DissolutionStage.Rejected && c.Stage != DissolutionStage.Withdrawn)
            .ToListAsync(cancellationToken);
        return [.. DissolutionDeadlines.Watch(open, clock.Today(), options)
            .Select(r => new GaugeCount(r.Overdue.Count, new KeyValuePair<string, object?>("regency", r.RegencyCode)))];
    }
}
