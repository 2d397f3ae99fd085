using JasperFx.Events;
using Koperasi.Registry.Cooperatives;
using Marten;

namespace Koperasi.Registry.Transformations;

/// <summary>
/// The streams of the koperasi a case touches, fetched for writing in one session: each append
/// checks the version that was decided on, and all commit together.
/// </summary>
public sealed class CaseStreams
{
    private readonly Dictionary<Guid, IEventStream<Cooperative>> _streams;

    private CaseStreams(Dictionary<Guid, IEventStream<Cooperative>> streams)
    {
        _streams = streams;
        Register = streams.Where(s => s.Value.Aggregate is not null).ToDictionary(s => s.Key, s => s.Value.Aggregate!);
    }

    /// <summary>The koperasi the register knows among those fetched.</summary>
    public Dictionary<Guid, Cooperative> Register { get; }

    public static async Task<CaseStreams> FetchAsync(IDocumentSession session, IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var distinct = ids.Distinct().ToList();
        var streams = distinct.Count == 0 ? [] : await session.Events.FetchManyForWriting<Cooperative>(distinct, cancellationToken);
        return new CaseStreams(distinct.Zip(streams).ToDictionary(s => s.First, s => s.Second));
    }

    /// <summary>Appends what was decided for each fetched stream.</summary>
    public void Append(TransformationDecision decision)
    {
        foreach (var stream in decision.Streams)
        {
            _streams[stream.CooperativeId].AppendMany(stream.Events);
        }
    }
}
