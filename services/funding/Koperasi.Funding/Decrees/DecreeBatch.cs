using System.Linq.Expressions;
using JasperFx.Events;
using Koperasi.Funding.Programmes;
using Marten;
using Marten.Events.Projections;

namespace Koperasi.Funding.Decrees;

/// <summary>
/// A decree batch as the lists show it: its own document, projected inline from the programme's
/// <see cref="DecreeBatchIssued"/>, so the programme keeps only the counters its decisions need
/// and a programme with thousands of batches is as cheap to read and decide on as a new one.
/// <c>Version</c> is the programme's stream version of the batch (the order of issue);
/// <c>NumberKey</c> the decree number as the decree-number rule compares it (case-insensitive).
/// </summary>
public sealed record DecreeBatch(
    Guid Id, Guid ProgrammeId, long Version, string DecreeNumber, string NumberKey, DateOnly DecreeDate, int Recipients, decimal Amount)
{
    public static string KeyOf(string decreeNumber) => decreeNumber.Trim().ToUpperInvariant();

    public static void Configure(StoreOptions options)
    {
        options.Schema.For<DecreeBatch>().DocumentAlias("decree_batch").Duplicate(b => b.ProgrammeId).Duplicate(b => b.NumberKey);
        options.Projections.Add(new Projection(), JasperFx.Events.Projections.ProjectionLifecycle.Inline, ProjectionName);
    }

    public const string ProjectionName = "DecreeBatches";

    /// <summary>The batches of the programme with any of these decree numbers (compared as the rule compares them).</summary>
    public static Expression<Func<DecreeBatch, bool>> Numbered(Guid programmeId, IEnumerable<string> decreeNumbers)
    {
        var keys = decreeNumbers.Select(KeyOf).Distinct().ToArray();
        return b => b.ProgrammeId == programmeId && keys.Contains(b.NumberKey);
    }

    private sealed class Projection : IProjection
    {
        public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
        {
            foreach (var e in events)
            {
                if (e.Data is DecreeBatchIssued issued)
                {
                    operations.Store(new DecreeBatch(
                        issued.BatchId, issued.ProgrammeId, e.Version, issued.DecreeNumber, KeyOf(issued.DecreeNumber), issued.DecreeDate,
                        issued.Grants.Count, issued.Grants.Sum(g => g.Amount)));
                }
            }

            return Task.CompletedTask;
        }
    }
}
