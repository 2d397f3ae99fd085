using JasperFx.Events;
using JasperFx.Events.Projections;
using Koperasi.Transformation.Cases;
using Marten;
using Marten.Events.Projections;

namespace Koperasi.Transformation.Statistics;

/// <summary>
/// Runs in the async daemon, one page after another, so two cases completed at once never race
/// on a year's counts: adds each completed case to the <see cref="TransformationYear"/> it took effect in.
/// </summary>
public sealed class StatisticsProjection : IProjection
{
    public const string ProjectionName = "TransformationStatistics";

    public static void Register(StoreOptions options)
    {
        options.Schema.For<TransformationYear>().DocumentAlias("transformation_year");
        options.Projections.Add(new StatisticsProjection(), ProjectionLifecycle.Async, ProjectionName, async => async.DeleteViewTypeOnTeardown<TransformationYear>());
    }

    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var completed = events.Select(e => e.Data).OfType<CaseCompleted>().ToList();
        if (completed.Count == 0)
        {
            return;
        }

        var years = completed.Select(c => c.EffectiveOn.Year).Distinct().ToArray();
        var counts = (await operations.LoadManyAsync<TransformationYear>(cancellation, years)).ToDictionary(y => y.Id);
        foreach (var c in completed)
        {
            var year = c.EffectiveOn.Year;
            counts[year] = (counts.GetValueOrDefault(year) ?? TransformationYear.Empty(year)).Add(c);
        }

        foreach (var year in counts.Values)
        {
            operations.Store(year);
        }
    }
}
